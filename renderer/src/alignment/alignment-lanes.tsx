// One lane per researcher (and one for the joint analysis, "samen") on the timeline of one
// recording, with one playhead across all lanes. Fragments are blocks (green positive, orange
// concern), notes are ticks; the selected pair, single or note group is outlined. Clicking a
// block selects its item; clicking elsewhere in a lane moves the playhead. Geometry comes from
// the workspace timeline's scale (timeline-scale.ts).
import { useEffect, useRef, useState } from 'react';
import type { Fragment, Note } from '../../../shared/domain';
import { formatTimecode } from '../../../shared/timecode';
import { useI18n } from '../i18n';
import type { PlayerAdapter } from '../player/player-adapter';
import { usePlayerSelector } from '../player/use-player-state';
import { clampView, fitView, tickStep, timeForX, xForTime, type TimelineView } from '../timeline/timeline-scale';

/** Width of the label column (align.css --lane-label). */
const LANE_LABEL_PX = 120;

export interface Lane {
  key: string;
  label: string;
  fragments: Fragment[];
  notes: Note[];
  joint?: boolean;
}

export function AlignmentLanes({
  lanes,
  durationSec,
  player,
  selectedIds,
  focus,
  onSelectRecord,
}: {
  lanes: Lane[];
  durationSec: number;
  player: PlayerAdapter | null;
  /** Records of the selected item. */
  selectedIds: ReadonlySet<string>;
  /** Zoom to this span (with a margin), or null for the whole recording. */
  focus: { startSec: number; endSec: number } | null;
  onSelectRecord: (id: string) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(200, el.clientWidth - LANE_LABEL_PX)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const view: TimelineView = focus
    ? (() => {
        const margin = Math.max(10, (focus.endSec - focus.startSec) * 0.6);
        const span = focus.endSec - focus.startSec + 2 * margin;
        return clampView({ startSec: focus.startSec - margin, pxPerSec: width / span, widthPx: width }, durationSec);
      })()
    : fitView(durationSec, width);
  const step = tickStep(view, 80);
  const ticks: number[] = [];
  for (let s = Math.ceil(view.startSec / step) * step; s <= view.startSec + width / view.pxPerSec; s += step) ticks.push(s);

  const seekAt = (event: React.MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    player?.seek(Math.max(0, Math.min(durationSec, timeForX(view, event.clientX - box.left))));
  };

  return (
    <div className="align-lanes" ref={ref} data-testid="align-lanes">
      <div className="align-ruler" aria-hidden="true">
        {ticks.map((s) => (
          <span key={s} style={{ left: `${xForTime(view, s)}px` }}>
            {formatTimecode(s)}
          </span>
        ))}
      </div>
      {lanes.map((lane) => (
        <div key={lane.key} className={lane.joint ? 'align-lane align-lane-joint' : 'align-lane'} role="group" aria-label={t('align.laneOf', { name: lane.label })}>
          <div className="align-lane-label" title={lane.label}>
            {lane.label}
          </div>
          <div className="align-lane-track" onClick={seekAt} data-testid={`lane-${lane.key}`}>
            {lane.fragments.map((f) => {
              const x = xForTime(view, f.inSec);
              const w = Math.max(3, (f.outSec - f.inSec) * view.pxPerSec);
              if (x + w < 0 || x > width) return null;
              return (
                <button
                  key={f.id}
                  type="button"
                  tabIndex={-1}
                  className={`align-block valence-${f.valence}${selectedIds.has(f.id) ? ' selected' : ''}`}
                  style={{ left: `${x}px`, width: `${w}px` }}
                  title={`${formatTimecode(f.inSec)}–${formatTimecode(f.outSec)} ${f.title}`}
                  onClick={(event) => {
                    event.stopPropagation();
                    onSelectRecord(f.id);
                  }}
                >
                  <span className="align-block-title">{f.title}</span>
                </button>
              );
            })}
            {lane.notes.map((n) => {
              const x = xForTime(view, n.timeSec);
              if (x < -4 || x > width + 4) return null;
              return (
                <button
                  key={n.id}
                  type="button"
                  tabIndex={-1}
                  className={`align-note kind-${n.kind}${selectedIds.has(n.id) ? ' selected' : ''}`}
                  style={{ left: `${x}px` }}
                  title={`${formatTimecode(n.timeSec)} ${n.text}`}
                  aria-label={`${formatTimecode(n.timeSec)} ${n.text}`}
                  onClick={(event) => {
                    event.stopPropagation();
                    onSelectRecord(n.id);
                  }}
                />
              );
            })}
          </div>
        </div>
      ))}
      <Playhead player={player} view={view} />
    </div>
  );
}

/** The one playhead across all lanes (its own component: it re-renders 60 times a second). */
function Playhead({ player, view }: { player: PlayerAdapter | null; view: TimelineView }) {
  const time = usePlayerSelector(player, (s) => s.time);
  const x = xForTime(view, time);
  if (x < 0 || x > view.widthPx) return null;
  return <div className="align-playhead" style={{ left: `calc(var(--lane-label) + ${x}px)` }} aria-hidden="true" />;
}
