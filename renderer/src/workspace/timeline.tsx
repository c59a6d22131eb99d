// The timeline under the player: fragments as bars, notes as ticks, the playhead, and the
// pending in-point while a fragment is being marked. Click to seek; click a fragment to play it.
import { memo, useRef } from 'react';
import type { Fragment, Note } from '../../../shared/domain';
import { formatTimeRange, formatTimecode } from '../../../shared/timecode';
import { useI18n } from '../i18n';
import type { PlayerAdapter } from '../player/player-adapter';
import { usePlayerSelector } from '../player/use-player-state';

const percent = (sec: number, duration: number) => `${Math.min(100, Math.max(0, (sec / duration) * 100))}%`;

function Playhead({ player, duration }: { player: PlayerAdapter | null; duration: number }) {
  const time = usePlayerSelector(player, (s) => s.time);
  return <div className="timeline-playhead" style={{ left: percent(time, duration) }} aria-hidden="true" />;
}

const Marks = memo(function Marks({
  notes,
  fragments,
  duration,
  selectedFragmentId,
  onPlayFragment,
  labelFor,
}: {
  notes: Note[];
  fragments: Fragment[];
  duration: number;
  selectedFragmentId: string | null;
  onPlayFragment: (fragment: Fragment) => void;
  labelFor: (fragment: Fragment) => string;
}) {
  return (
    <>
      <div className="timeline-fragments">
        {fragments.map((fragment) => (
          <button
            type="button"
            key={fragment.id}
            className={`timeline-fragment valence-${fragment.valence}${fragment.id === selectedFragmentId ? ' selected' : ''}`}
            style={{ left: percent(fragment.inSec, duration), width: percent(fragment.outSec - fragment.inSec, duration) }}
            title={labelFor(fragment)}
            aria-label={labelFor(fragment)}
            data-testid="timeline-fragment"
            onClick={(event) => {
              event.stopPropagation();
              onPlayFragment(fragment);
            }}
          />
        ))}
      </div>
      <div className="timeline-notes" aria-hidden="true">
        {notes.map((note) => (
          <span
            key={note.id}
            className={`timeline-note kind-${note.kind}`}
            style={{ left: percent(note.timeSec, duration) }}
            title={`${formatTimecode(note.timeSec)} ${note.text}`}
          />
        ))}
      </div>
    </>
  );
});

export function Timeline({
  player,
  duration,
  notes,
  fragments,
  markIn,
  selectedFragmentId,
  onPlayFragment,
}: {
  player: PlayerAdapter | null;
  duration: number;
  notes: Note[];
  fragments: Fragment[];
  markIn: number | null;
  selectedFragmentId: string | null;
  onPlayFragment: (fragment: Fragment) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  if (duration <= 0) return <div className="timeline timeline-empty" />;

  const labelFor = (f: Fragment) =>
    `${t('fragments.fragment')} ${formatTimeRange(f.inSec, f.outSec)}${f.title ? `: ${f.title}` : ''}`;

  return (
    <div
      ref={ref}
      className="timeline"
      data-testid="timeline"
      onClick={(event) => {
        const box = ref.current?.getBoundingClientRect();
        if (box && player) player.seek(((event.clientX - box.left) / box.width) * duration);
      }}
    >
      <div className="timeline-scale" aria-hidden="true">
        {Array.from({ length: 11 }, (_, i) => (
          <span key={i} style={{ left: `${i * 10}%` }}>
            {formatTimecode((duration * i) / 10)}
          </span>
        ))}
      </div>
      <Marks
        notes={notes}
        fragments={fragments}
        duration={duration}
        selectedFragmentId={selectedFragmentId}
        onPlayFragment={onPlayFragment}
        labelFor={labelFor}
      />
      {markIn !== null && <div className="timeline-markin" style={{ left: percent(markIn, duration) }} title={t('fragments.markedIn')} />}
      <Playhead player={player} duration={duration} />
    </div>
  );
}
