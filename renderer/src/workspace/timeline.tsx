// The timeline under the player: time scale, keyframe thumbnails and the audio waveform when
// they are ready, fragments as bars, notes as ticks, the playhead, and the pending in-point.
// Drawn on a canvas so 10,000 notes stay smooth; zoom from the whole recording down to a few
// seconds (buttons, + / -, Ctrl+wheel), pan with the wheel; it follows the playhead.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Fragment, Note } from '../../../shared/domain';
import { formatTimecode } from '../../../shared/timecode';
import { useI18n } from '../i18n';
import type { PlayerAdapter } from '../player/player-adapter';
import { usePlayerSelector } from '../player/use-player-state';
import { NotesLane } from '../timeline/notes-lane';
import type { Thumbnail, WaveformData } from '../timeline/timeline-data';
import { stripSlotWidthPx, thumbnailsInView, thumbnailWidthPx } from '../timeline/thumbnail-strip';
import { useThumbnailPictures } from '../timeline/use-thumbnail-pictures';
import {
  clampView,
  fitView,
  followTime,
  tickStep,
  timeForX,
  xForTime,
  zoomView,
  ZOOM_STEP,
  type TimelineView,
} from '../timeline/timeline-scale';

/** A press that moves further than this (CSS px) is a drag that scrubs, not a click. */
const DRAG_THRESHOLD_PX = 3;

const ROW = { scale: 16, thumbs: 46, wave: 36, fragments: 22, notes: 16, gap: 4 };

interface Layout {
  thumbsTop: number | null;
  waveTop: number | null;
  fragmentsTop: number;
  notesTop: number;
  height: number;
}

function layoutFor(hasThumbs: boolean, hasWave: boolean): Layout {
  let y = ROW.scale + ROW.gap;
  const thumbsTop = hasThumbs ? y : null;
  if (hasThumbs) y += ROW.thumbs + ROW.gap;
  const waveTop = hasWave ? y : null;
  if (hasWave) y += ROW.wave + ROW.gap;
  const fragmentsTop = y;
  y += ROW.fragments + ROW.gap;
  return { thumbsTop, waveTop, fragmentsTop, notesTop: y, height: y + ROW.notes + ROW.gap };
}

function draw(
  canvas: HTMLCanvasElement,
  view: TimelineView,
  layout: Layout,
  data: {
    fragments: Fragment[];
    selectedFragmentId: string | null;
    markIn: number | null;
    waveform: WaveformData | null;
    durationSec: number;
    thumbnails: readonly Thumbnail[];
    pictures: ReadonlyMap<string, ImageBitmap>;
  },
) {
  const dpr = window.devicePixelRatio || 1;
  const width = view.widthPx;
  // Resizing a canvas reallocates it: only when the size really changed (not on every pan step).
  const pixelWidth = Math.round(width * dpr);
  const pixelHeight = Math.round(layout.height * dpr);
  if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
    canvas.width = pixelWidth;
    canvas.height = pixelHeight;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${layout.height}px`;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, layout.height);
  const endSec = timeForX(view, width);

  // Scale
  const step = tickStep(view);
  ctx.fillStyle = '#5b6470';
  ctx.strokeStyle = '#dcd8d0';
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  for (let t = Math.floor(view.startSec / step) * step; t <= endSec; t += step) {
    const x = Math.round(xForTime(view, t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, 12);
    ctx.lineTo(x, layout.height);
    ctx.stroke();
    ctx.fillText(formatTimecode(t, { fractionDigits: step < 1 ? 1 : 0 }), x + 3, 2);
  }

  // Thumbnails: decoded once per recording and shared with the scrub preview (pictures drawn
  // here hold no decoded copies in Chromium's image caches, as <img> elements did per visit).
  if (layout.thumbsTop !== null) {
    let drawn = 0;
    ctx.fillStyle = '#fff';
    const slotWidth = stripSlotWidthPx(data.pictures, ROW.thumbs);
    for (const thumbnail of thumbnailsInView(data.thumbnails, view, slotWidth)) {
      const picture = data.pictures.get(thumbnail.url);
      if (!picture) continue;
      const x = Math.round(xForTime(view, thumbnail.timeSec));
      const pictureWidth = thumbnailWidthPx(picture, ROW.thumbs);
      ctx.drawImage(picture, x, layout.thumbsTop, pictureWidth, ROW.thumbs);
      ctx.fillRect(x + pictureWidth - 1, layout.thumbsTop, 1, ROW.thumbs); // a white line between pictures
      drawn++;
    }
    canvas.dataset.thumbnails = String(drawn); // tests read how many are drawn
  }

  // Waveform: one bar per pixel column, the loudest bucket under it.
  if (data.waveform && layout.waveTop !== null) {
    const { peaks, bucketsPerSec } = data.waveform;
    const mid = layout.waveTop + ROW.wave / 2;
    ctx.fillStyle = '#8fa7c0';
    for (let x = 0; x < width; x++) {
      const from = Math.floor(timeForX(view, x) * bucketsPerSec);
      const to = Math.max(from + 1, Math.floor(timeForX(view, x + 1) * bucketsPerSec));
      let peak = 0;
      for (let i = Math.max(0, from); i < Math.min(to, peaks.length); i++) peak = Math.max(peak, peaks[i]!);
      const h = Math.max(1, (peak / 255) * (ROW.wave / 2));
      ctx.fillRect(x, mid - h, 1, h * 2);
    }
  }

  // Fragments
  for (const f of data.fragments) {
    if (f.outSec < view.startSec || f.inSec > endSec) continue;
    const x = xForTime(view, f.inSec);
    const w = Math.max(3, (f.outSec - f.inSec) * view.pxPerSec);
    ctx.globalAlpha = f.id === data.selectedFragmentId ? 1 : 0.75;
    ctx.fillStyle = f.valence === 'positive' ? '#2e7d4f' : '#a8470f';
    ctx.fillRect(x, layout.fragmentsTop, w, ROW.fragments);
    if (f.id === data.selectedFragmentId) {
      ctx.strokeStyle = '#1f2328';
      ctx.lineWidth = 2;
      ctx.strokeRect(x + 1, layout.fragmentsTop + 1, w - 2, ROW.fragments - 2);
      ctx.lineWidth = 1;
    }
    if (w > 40 && f.title) {
      ctx.globalAlpha = 1;
      ctx.fillStyle = '#fff';
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, layout.fragmentsTop, w - 2, ROW.fragments);
      ctx.clip();
      ctx.fillText(f.title, x + 4, layout.fragmentsTop + 6);
      ctx.restore();
    }
  }
  ctx.globalAlpha = 1;

  if (data.markIn !== null) {
    const x = Math.round(xForTime(view, data.markIn)) + 0.5;
    ctx.strokeStyle = '#2f5d8a';
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, ROW.scale);
    ctx.lineTo(x, layout.height);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineWidth = 1;
  }
}

/**
 * Hidden from sight, there for tests and screen readers: the fragments as a list of buttons.
 * Memoised: with a thousand fragments, re-rendering it on every pan step or new note costs frames.
 */
const FragmentButtons = memo(function FragmentButtons({
  fragments,
  onPlayFragment,
  label,
}: {
  fragments: Fragment[];
  onPlayFragment: (fragment: Fragment) => void;
  label: string;
}) {
  return (
    <ul className="visually-hidden">
      {fragments.map((f) => (
        <li key={f.id}>
          <button
            type="button"
            data-testid="timeline-fragment"
            tabIndex={-1}
            onClick={(event) => {
              event.stopPropagation();
              onPlayFragment(f);
            }}
          >
            {label} {formatTimecode(f.inSec)} – {formatTimecode(f.outSec)}
          </button>
        </li>
      ))}
    </ul>
  );
});

function Playhead({ player, view }: { player: PlayerAdapter | null; view: TimelineView }) {
  const time = usePlayerSelector(player, (s) => s.time);
  const x = xForTime(view, time);
  if (x < 0 || x > view.widthPx) return null;
  return <div className="timeline-playhead" style={{ left: `${x}px` }} aria-hidden="true" />;
}

/** A stable empty strip (a new [] per render would make the strip's pictures be taken anew). */
const NO_THUMBNAILS: Thumbnail[] = [];

export interface TimelineHandle {
  zoom(direction: 1 | -1): void;
  fit(): void;
}

export function Timeline({
  player,
  duration,
  notes,
  fragments,
  markIn,
  selectedFragmentId,
  onPlayFragment,
  waveform = null,
  thumbnails = NO_THUMBNAILS,
  handleRef,
}: {
  player: PlayerAdapter | null;
  duration: number;
  notes: Note[];
  fragments: Fragment[];
  markIn: number | null;
  selectedFragmentId: string | null;
  onPlayFragment: (fragment: Fragment) => void;
  waveform?: WaveformData | null;
  thumbnails?: Thumbnail[];
  handleRef?: React.RefObject<TimelineHandle | null>;
}) {
  const { t } = useI18n();
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [view, setView] = useState<TimelineView>(() => fitView(duration, 800));
  const drag = useRef<{ pointerId: number; startX: number; scrubbing: boolean } | null>(null);
  const suppressClick = useRef(false);
  const layout = useMemo(() => layoutFor(thumbnails.length > 0, waveform !== null), [thumbnails.length, waveform]);
  const { pictures, decoded, prefer } = useThumbnailPictures(thumbnails);

  // Track the box's width; a new recording starts fitted.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => setView((v) => clampView({ ...v, widthPx: box.clientWidth }, duration));
    setView(fitView(duration, box.clientWidth));
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [duration]);

  useEffect(() => {
    if (canvasRef.current && duration > 0) {
      draw(canvasRef.current, view, layout, { fragments, selectedFragmentId, markIn, waveform, durationSec: duration, thumbnails, pictures });
    }
  }, [view, layout, fragments, selectedFragmentId, markIn, waveform, duration, thumbnails, pictures, decoded]);

  // The pictures in view are decoded before the rest.
  const slotWidth = stripSlotWidthPx(pictures, ROW.thumbs);
  useEffect(
    () => prefer(thumbnailsInView(thumbnails, view, slotWidth).map((th) => th.url)),
    [thumbnails, view, slotWidth, prefer],
  );

  // Keep the playhead in view while playing or seeking.
  const time = usePlayerSelector(player, (s) => Math.floor(s.time * 4) / 4);
  useEffect(() => setView((v) => followTime(v, time, duration)), [time, duration]);

  const zoom = useCallback(
    (direction: 1 | -1, anchorPx?: number) =>
      setView((v) => {
        const anchor = anchorPx ?? Math.min(Math.max(0, xForTime(v, player?.currentTime() ?? 0)), v.widthPx);
        return zoomView(v, direction > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, anchor, duration);
      }),
    [duration, player],
  );
  const fit = useCallback(() => setView((v) => fitView(duration, v.widthPx)), [duration]);
  if (handleRef) handleRef.current = { zoom, fit };

  // Ctrl+wheel zooms around the pointer; the wheel pans. Passive listeners can't preventDefault.
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) {
        zoom(event.deltaY < 0 ? 1 : -1, event.clientX - box.getBoundingClientRect().left);
      } else {
        const delta = Math.abs(event.deltaX) > Math.abs(event.deltaY) ? event.deltaX : event.deltaY;
        setView((v) => clampView({ ...v, startSec: v.startSec + delta / v.pxPerSec }, duration));
      }
    };
    box.addEventListener('wheel', onWheel, { passive: false });
    return () => box.removeEventListener('wheel', onWheel);
  }, [zoom, duration]);

  if (duration <= 0) return <div className="timeline timeline-empty" />;

  // Dragging scrubs: the playhead and the preview follow the pointer at once (see
  // PlayerAdapter.scrub); a press without movement stays a click (seek, or play a fragment).
  const onPointerDown = (event: React.PointerEvent) => {
    suppressClick.current = false;
    if (event.button !== 0 || !player) return;
    drag.current = { pointerId: event.pointerId, startX: event.clientX, scrubbing: false };
  };
  const onPointerMove = (event: React.PointerEvent) => {
    const d = drag.current;
    const box = boxRef.current;
    if (!d || d.pointerId !== event.pointerId || !box || !player) return;
    if (!d.scrubbing) {
      if (Math.abs(event.clientX - d.startX) < DRAG_THRESHOLD_PX) return;
      d.scrubbing = true;
      try {
        box.setPointerCapture(event.pointerId); // keep scrubbing when the pointer leaves the box
      } catch {
        // The pointer is no longer active (let go meanwhile): scrub this move without capture.
      }
    }
    const x = Math.min(Math.max(0, event.clientX - box.getBoundingClientRect().left), view.widthPx);
    player.scrub(timeForX(view, x));
  };
  const onPointerEnd = (event: React.PointerEvent) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    drag.current = null;
    if (d.scrubbing) {
      suppressClick.current = true;
      if (boxRef.current?.hasPointerCapture(event.pointerId)) boxRef.current.releasePointerCapture(event.pointerId);
    }
  };

  const onClick = (event: React.MouseEvent) => {
    if (suppressClick.current) {
      suppressClick.current = false; // the end of a drag: the scrub already went there
      return;
    }
    const box = boxRef.current?.getBoundingClientRect();
    if (!box || !player) return;
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const sec = timeForX(view, x);
    if (y >= layout.fragmentsTop && y <= layout.fragmentsTop + ROW.fragments) {
      const hit = fragments.find((f) => sec >= f.inSec && sec <= f.outSec);
      if (hit) return onPlayFragment(hit);
    }
    player.seek(sec);
  };

  const zoomed = view.pxPerSec > fitView(duration, view.widthPx).pxPerSec * 1.001;
  const span = view.widthPx / view.pxPerSec;

  return (
    <div className="timeline-wrap">
      <div className="timeline-toolbar">
        <button type="button" onClick={() => zoom(-1)} aria-label={t('timeline.zoomOut')} title={`${t('timeline.zoomOut')} (-)`}>
          −
        </button>
        <button type="button" onClick={() => zoom(1)} aria-label={t('timeline.zoomIn')} title={`${t('timeline.zoomIn')} (+)`}>
          +
        </button>
        <button type="button" onClick={fit} disabled={!zoomed} title={`${t('timeline.fit')} (Z)`}>
          {t('timeline.fit')}
        </button>
        <span className="timeline-span" data-testid="timeline-span">
          {formatTimecode(view.startSec)} – {formatTimecode(view.startSec + span)}
        </span>
        {zoomed && (
          <input
            type="range"
            className="timeline-pan"
            min={0}
            max={Math.max(0, duration - span)}
            step={span / 100}
            value={view.startSec}
            aria-label={t('timeline.pan')}
            onChange={(e) => setView((v) => clampView({ ...v, startSec: Number(e.target.value) }, duration))}
          />
        )}
      </div>
      <div
        ref={boxRef}
        className="timeline"
        data-testid="timeline"
        style={{ height: `${layout.height}px` }}
        onClick={onClick}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        role="presentation"
      >
        <canvas ref={canvasRef} className="timeline-canvas" aria-label={t('timeline.label')} />
        <NotesLane view={view} notes={notes} topPx={layout.notesTop} heightPx={ROW.notes} />
        <FragmentButtons fragments={fragments} onPlayFragment={onPlayFragment} label={t('fragments.fragment')} />
        <Playhead player={player} view={view} />
      </div>
    </div>
  );
}
