// The client's feedback as it may travel outside the interview (already filtered by
// shared/method/sharing.ts): shared feedback with who said it, a literal quote in quotation marks;
// anonymous feedback with no name and never in quotation marks (a paraphrase).
import type { Framework } from '../../../shared/framework';
import { localText, themeById } from '../../../shared/framework';
import type { SharedFeedback } from '../../../shared/method';
import { useI18n } from '../i18n';

export function SharedFeedbackList({
  feedback,
  framework,
  withdrawn = 0,
}: {
  feedback: SharedFeedback[];
  framework: Framework | null;
  /** How many pieces of feedback on this item the client has withdrawn since the agenda was made. */
  withdrawn?: number;
}) {
  const { t, lang } = useI18n();
  if (feedback.length === 0 && withdrawn === 0) return null;
  return (
    <div className="shared-feedback">
      <h5 className="shared-feedback-title">{t('feedback.fromClient')}</h5>
      {withdrawn > 0 && (
        <p className="feedback-withdrawn" role="note" data-testid="feedback-withdrawn">
          {t('feedback.withdrawnFromAgenda', { count: withdrawn })}
        </p>
      )}
      <ul>
        {feedback.map((f) => {
          const theme = f.themeId && framework ? themeById(framework, f.themeId) : undefined;
          const anonymous = f.attribution === null;
          return (
            <li
              key={f.id}
              className={anonymous ? 'feedback-anonymous' : 'feedback-attributed'}
              data-testid="shared-feedback"
              data-sharing={anonymous ? 'anonymous' : 'share'}
            >
              <p className="feedback-text">
                {/* Quotation marks only for the client's literal words given with their name. */}
                {f.isQuote && !anonymous ? `“${f.text}”` : f.text}
              </p>
              <p className="feedback-meta">
                {anonymous ? (
                  <span className="feedback-anonymous-label">
                    {f.paraphrase ? t('feedback.anonymousParaphrase') : t('feedback.anonymous')}
                  </span>
                ) : (
                  <span className="feedback-attribution">
                    — {f.attribution}
                    {f.isQuote ? '' : ` (${t('feedback.summary')})`}
                  </span>
                )}
                {theme && <span className="chip">{localText(theme.short, lang)}</span>}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
