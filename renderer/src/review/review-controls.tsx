// The buttons under the review player: previous, replay, play/pause, next, loop, speed and
// auto-advance; each does what its key does (review-keys.ts).
import { useI18n } from '../i18n';
import type { ReviewCommands } from './review-keys';

export function ReviewControls({
  commands,
  paused,
  rate,
  loop,
  autoAdvance,
  onAutoAdvance,
  isFirst,
  isLast,
}: {
  commands: ReviewCommands;
  paused: boolean;
  rate: number;
  loop: boolean;
  autoAdvance: boolean;
  onAutoAdvance: (on: boolean) => void;
  isFirst: boolean;
  isLast: boolean;
}) {
  const { t } = useI18n();
  const { player } = commands;
  return (
    <div className="review-controls" role="toolbar" aria-label={t('review.controls')}>
      <button type="button" onClick={commands.previous} disabled={isFirst} title="← / P">
        |◀ {t('review.previous')}
      </button>
      <button type="button" onClick={commands.replay} title="R">
        ⟲ {t('review.replay')}
      </button>
      <button type="button" className="primary review-play" onClick={commands.togglePlay} title={t('review.key.togglePlay')}>
        {paused ? `▶ ${t('player.play')}` : `‖ ${t('player.pause')}`}
      </button>
      <button type="button" onClick={commands.next} disabled={isLast} title="→ / N">
        {t('review.next')} ▶|
      </button>
      <button type="button" aria-pressed={loop} className={loop ? 'on' : ''} onClick={commands.toggleLoop} title="L">
        ↻ {t('player.loop')}
      </button>
      <span className="review-rate" role="group" aria-label={t('player.speed')}>
        <button type="button" onClick={() => player?.changeRate(-1)} aria-label={t('review.key.slower')} title="[">
          −
        </button>
        <output aria-label={t('player.speed')} data-testid="review-rate">
          {rate}×
        </output>
        <button type="button" onClick={() => player?.changeRate(1)} aria-label={t('review.key.faster')} title="]">
          +
        </button>
        <button type="button" onClick={() => player?.setRate(1)} disabled={rate === 1} title="\">
          {t('review.normalSpeed')}
        </button>
      </span>
      <label className="check review-auto">
        <input type="checkbox" checked={autoAdvance} onChange={(e) => onAutoAdvance(e.target.checked)} />
        {t('review.autoAdvance')}
      </label>
    </div>
  );
}
