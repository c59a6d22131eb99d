// A window splitter (WAI-ARIA "separator" with a value): drag it with the pointer, or focus it and
// use the arrow keys (Shift for bigger steps), Home and End. `grow` says which way makes the
// controlled pane bigger: a panel on the right grows when its left edge moves left.
import { useRef } from 'react';

const STEP_PX = 16;
const BIG_STEP_PX = 64;

export function ResizeHandle({
  orientation,
  grow,
  value,
  min,
  max,
  label,
  controls,
  onChange,
  testId,
}: {
  /** `vertical`: a bar between columns (changes a width); `horizontal`: between rows (a height). */
  orientation: 'vertical' | 'horizontal';
  grow: 'left' | 'right' | 'up' | 'down';
  value: number;
  min: number;
  max: number;
  label: string;
  /** The id of the pane it sizes. */
  controls: string;
  onChange: (value: number) => void;
  testId?: string;
}) {
  const drag = useRef<{ pointerId: number; start: number; startValue: number } | null>(null);
  const sign = grow === 'right' || grow === 'down' ? 1 : -1;
  const clamp = (v: number) => Math.round(Math.min(Math.max(v, min), Math.max(min, max)));
  const coordinate = (event: React.PointerEvent) => (orientation === 'vertical' ? event.clientX : event.clientY);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const step = event.shiftKey ? BIG_STEP_PX : STEP_PX;
    const keys: Record<string, number | undefined> =
      orientation === 'vertical'
        ? { ArrowLeft: -step * sign, ArrowRight: step * sign }
        : { ArrowUp: -step * sign, ArrowDown: step * sign };
    let next: number | null = null;
    if (event.key in keys) next = value + keys[event.key]!;
    else if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    if (next === null) return;
    // The workspace's own shortcuts (arrows seek) must not see this key.
    event.preventDefault();
    event.stopPropagation();
    onChange(clamp(next));
  };

  return (
    <div
      className={`resize-handle resize-handle-${orientation}`}
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(Math.max(min, max))}
      aria-label={label}
      aria-controls={controls}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { pointerId: event.pointerId, start: coordinate(event), startValue: value };
      }}
      onPointerMove={(event) => {
        const d = drag.current;
        if (!d || d.pointerId !== event.pointerId) return;
        onChange(clamp(d.startValue + (coordinate(event) - d.start) * sign));
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
    />
  );
}
