// The controls under the player that video.js doesn't have: time in the method's notation,
// frame steps, 1 s / 5 s jumps, speed, loop, and "go to" a typed time.
import { useState } from 'react';
import { formatTimecode, parseTimecode } from '../../../shared/timecode';
import { useI18n } from '../i18n';
import { PLAYBACK_RATES, type PlayerAdapter } from './player-adapter';
import { usePlayerSelector } from './use-player-state';

export function TransportBar({
  player,
  goToRef,
}: {
  player: PlayerAdapter | null;
  goToRef: React.RefObject<HTMLInputElement | null>;
}) {
  const { t } = useI18n();
  const time = usePlayerSelector(player, (s) => s.time);
  const duration = usePlayerSelector(player, (s) => s.duration);
  const paused = usePlayerSelector(player, (s) => s.paused);
  const rate = usePlayerSelector(player, (s) => s.rate);
  const range = usePlayerSelector(player, (s) => s.range);
  const [goTo, setGoTo] = useState('');
  const [goToInvalid, setGoToInvalid] = useState(false);
  const disabled = !player || duration === 0;

  return (
    <div className="transport" role="toolbar" aria-label={t('player.controls')}>
      <output className="timecode" aria-label={t('player.currentTime')} data-testid="current-time">
        {formatTimecode(time, { fractionDigits: 2 })}
        <span className="timecode-total"> / {formatTimecode(duration)}</span>
      </output>
      <button type="button" disabled={disabled} onClick={() => player?.toggle()} title={`${t('shortcut.togglePlay')} (K)`}>
        {paused ? t('player.play') : t('player.pause')}
      </button>
      <button type="button" disabled={disabled} onClick={() => player?.seekBy(-5)} title="Shift+←">
        −5s
      </button>
      <button type="button" disabled={disabled} onClick={() => player?.seekBy(-1)} title="←">
        −1s
      </button>
      <button type="button" disabled={disabled} onClick={() => player?.stepFrames(-1)} title={`${t('shortcut.frameBack')} (,)`}>
        ◂|
      </button>
      <button type="button" disabled={disabled} onClick={() => player?.stepFrames(1)} title={`${t('shortcut.frameForward')} (.)`}>
        |▸
      </button>
      <button type="button" disabled={disabled} onClick={() => player?.seekBy(1)} title="→">
        +1s
      </button>
      <button type="button" disabled={disabled} onClick={() => player?.seekBy(5)} title="Shift+→">
        +5s
      </button>
      <label className="rate">
        <span>{t('player.speed')}</span>
        <select
          value={rate}
          disabled={disabled}
          onChange={(e) => player?.setRate(Number(e.target.value))}
          aria-label={t('player.speed')}
        >
          {PLAYBACK_RATES.map((r) => (
            <option key={r} value={r}>
              {r}×
            </option>
          ))}
        </select>
      </label>
      {range && (
        <label className="loop-toggle">
          <input type="checkbox" checked={range.loop} onChange={(e) => player?.setLoop(e.target.checked)} />
          {t('player.loop')}
        </label>
      )}
      <form
        className="goto"
        onSubmit={(event) => {
          event.preventDefault();
          const sec = parseTimecode(goTo);
          setGoToInvalid(sec === null);
          if (sec !== null && player) {
            player.seek(sec);
            setGoTo('');
            (document.activeElement as HTMLElement | null)?.blur();
          }
        }}
      >
        <input
          ref={goToRef}
          value={goTo}
          placeholder={t('player.goToPlaceholder')}
          aria-label={t('shortcut.goToTime')}
          aria-invalid={goToInvalid}
          disabled={disabled}
          onChange={(e) => setGoTo(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && (e.target as HTMLElement).blur()}
        />
      </form>
    </div>
  );
}
