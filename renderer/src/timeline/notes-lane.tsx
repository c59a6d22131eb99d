// The timeline's notes lane: a tick per note, on a canvas of its own above the rest of the
// timeline. A new note draws only its own tick (no redraw of 10,000 ticks, the waveform and the
// fragments); anything else (a pan, a zoom, a note moved or deleted) redraws the lane.
import { memo, useEffect, useRef } from 'react';
import type { Note } from '../../../shared/domain';
import { timeForX, visibleRange, xForTime, type TimelineView } from './timeline-scale';

const KIND_COLOURS: Record<Note['kind'], string> = {
  transcript: '#6b7280',
  event: '#7c5cbf',
  observation: '#2f5d8a',
  question_client: '#a8470f',
  question_case_manager: '#2e7d4f',
};

const TICK_WIDTH_PX = 3;
type Tick = Pick<Note, 'timeSec' | 'kind'>;

/** Whether two notes draw the same tick (an edit of the text leaves the lane as it is). */
const sameTick = (a: Tick, b: Tick) => a.timeSec === b.timeSec && a.kind === b.kind;

/**
 * The notes `next` adds to `prev` when that is all that changed (both in the same order, as
 * the workspace keeps them): the ticks to draw on top. Null when a tick moved, changed colour or
 * went away: then the lane is drawn again. Compares references, so it costs microseconds.
 */
export function addedNotes(prev: readonly Note[], next: readonly Note[]): Note[] | null {
  const extra = next.length - prev.length;
  if (extra < 0) return null;
  const added: Note[] = [];
  let i = 0;
  for (const note of next) {
    const old = prev[i];
    if (old !== undefined && (old === note || (old.id === note.id && sameTick(old, note)))) {
      i++;
    } else {
      added.push(note);
      if (added.length > extra) return null;
    }
  }
  return added;
}

function tickX(view: TimelineView, note: Tick): number {
  return Math.round(xForTime(view, note.timeSec)) - 1;
}

/**
 * Sizes the canvas to the view, only when that changed (resizing clears it and reallocates:
 * not on every pan step), and readies the context. `cleared`: it was resized.
 */
function prepare(canvas: HTMLCanvasElement, view: TimelineView, heightPx: number) {
  const dpr = window.devicePixelRatio || 1;
  const pixelWidth = Math.round(view.widthPx * dpr);
  const pixelHeight = Math.round(heightPx * dpr);
  const cleared = canvas.width !== pixelWidth || canvas.height !== pixelHeight;
  if (cleared) {
    canvas.width = pixelWidth;
    canvas.height = pixelHeight;
    canvas.style.width = `${view.widthPx}px`;
    canvas.style.height = `${heightPx}px`;
  }
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { ctx, cleared };
}

/** Every tick in view. Zoomed out, many notes share a pixel column: each column and colour once. */
function drawAll(ctx: CanvasRenderingContext2D, view: TimelineView, heightPx: number, notes: readonly Note[]): void {
  ctx.clearRect(0, 0, view.widthPx, heightPx);
  // Only those in view (binary search: the list is sorted by time).
  const [from, to] = visibleRange(notes, (n) => n.timeSec, view.startSec, timeForX(view, view.widthPx));
  let lastX = Number.NaN;
  const drawnAtX = new Set<string>();
  for (let i = from; i < to; i++) {
    const note = notes[i]!;
    const x = tickX(view, note);
    if (x !== lastX) {
      lastX = x;
      drawnAtX.clear();
    }
    const colour = KIND_COLOURS[note.kind];
    if (drawnAtX.has(colour)) continue;
    drawnAtX.add(colour);
    ctx.fillStyle = colour;
    ctx.fillRect(x, 0, TICK_WIDTH_PX, heightPx);
  }
}

function drawTicks(ctx: CanvasRenderingContext2D, view: TimelineView, heightPx: number, notes: readonly Note[]): void {
  for (const note of notes) {
    const x = tickX(view, note);
    if (x + TICK_WIDTH_PX < 0 || x > view.widthPx) continue;
    ctx.fillStyle = KIND_COLOURS[note.kind];
    ctx.fillRect(x, 0, TICK_WIDTH_PX, heightPx);
  }
}

export const NotesLane = memo(function NotesLane({
  view,
  notes,
  topPx,
  heightPx,
}: {
  view: TimelineView;
  /** Sorted by time. */
  notes: readonly Note[];
  topPx: number;
  heightPx: number;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawn = useRef<{ view: TimelineView; notes: readonly Note[] } | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const { ctx, cleared } = prepare(canvas, view, heightPx);
    if (!ctx) return;
    const before = drawn.current;
    const added = before && !cleared && before.view === view ? addedNotes(before.notes, notes) : null;
    if (added) drawTicks(ctx, view, heightPx, added);
    else drawAll(ctx, view, heightPx, notes);
    drawn.current = { view, notes };
  }, [view, notes, heightPx]);

  return <canvas ref={canvasRef} className="timeline-notes" style={{ top: `${topPx}px` }} aria-hidden="true" />;
});
