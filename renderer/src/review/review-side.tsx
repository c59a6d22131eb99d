// Beside the review player: the fragment on screen (range, valence, theme, title, its questions
// and the client's feedback as the sharing rules allow), the whole list to jump to, and the keys.
import type { PlaylistEntry } from '../../../shared/contract';
import { localText, themeById, type Framework } from '../../../shared/framework';
import { formatTimeRange } from '../../../shared/timecode';
import { useI18n } from '../i18n';
import { SharedFeedbackList } from '../method/shared-feedback';
import { REVIEW_KEYS } from './review-keys';

function ReviewItem({ entry, framework }: { entry: PlaylistEntry; framework: Framework | null }) {
  const { t, lang } = useI18n();
  const theme = entry.themeId && framework ? themeById(framework, entry.themeId) : undefined;
  return (
    <article className={`review-item valence-${entry.valence}`} data-testid="review-item">
      <p className="review-range">
        <span className="fragment-range">{formatTimeRange(entry.inSec, entry.outSec)}</span>
        {entry.recordingLabel && <span> · {entry.recordingLabel}</span>}
        <span className={`chip chip-valence-${entry.valence}`}>{t(`valence.${entry.valence}`)}</span>
        {theme && <span className={`chip chip-${theme.kind}`}>{localText(theme.short, lang)}</span>}
      </p>
      <h2 className="review-item-title">{entry.title}</h2>
      {entry.questions.length > 0 && (
        <>
          <h3 className="review-subtitle">{t('review.questions')}</h3>
          <ul className="review-questions" data-testid="review-questions">
            {entry.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        </>
      )}
      <SharedFeedbackList feedback={entry.feedback} framework={framework} />
    </article>
  );
}

function ReviewList({ entries, index, onShow }: { entries: PlaylistEntry[]; index: number; onShow: (i: number) => void }) {
  const { t } = useI18n();
  return (
    <details className="review-list">
      <summary>{t('review.allFragments', { count: entries.length })}</summary>
      <ol>
        {entries.map((e, i) => (
          <li key={`${e.fragmentId}-${i}`}>
            <button
              type="button"
              className={i === index ? 'link current' : 'link'}
              aria-current={i === index ? 'true' : undefined}
              onClick={() => onShow(i)}
            >
              {formatTimeRange(e.inSec, e.outSec)}
              {e.recordingLabel ? ` (${e.recordingLabel})` : ''} · {e.title}
            </button>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The keys of review mode, from the same table the key handler uses. */
function ReviewLegend() {
  const { t } = useI18n();
  return (
    <section className="review-legend" aria-label={t('review.keysTitle')}>
      <h3 className="review-subtitle">{t('review.keysTitle')}</h3>
      <dl>
        {REVIEW_KEYS.map((k) => (
          <div key={k.id}>
            <dt>
              {k.keys.map((name) => (
                <kbd key={name}>{name}</kbd>
              ))}
            </dt>
            <dd>{t(k.label)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function ReviewSide({
  entries,
  index,
  framework,
  onShow,
}: {
  entries: PlaylistEntry[];
  index: number;
  framework: Framework | null;
  onShow: (i: number) => void;
}) {
  const { t } = useI18n();
  const entry = entries[index];
  return (
    <aside className="review-side" aria-label={t('review.aboutFragment')}>
      {entry && <ReviewItem entry={entry} framework={framework} />}
      <ReviewList entries={entries} index={index} onShow={onShow} />
      <ReviewLegend />
    </aside>
  );
}
