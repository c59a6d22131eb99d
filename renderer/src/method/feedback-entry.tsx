// One piece of what the client said in the interview: the text, its theme, whether it is the
// client's literal words, and the client's sharing choice, with what that choice means for where
// the words may go.
import { useId } from 'react';
import { focusedThemes, localText, openThemes, type Framework } from '../../../shared/framework';
import type { ClientFeedback, Sharing } from '../../../shared/method';
import { useI18n, type TextKey } from '../i18n';

const SHARING: { value: Sharing; label: TextKey; consequence: TextKey }[] = [
  { value: 'share', label: 'feedback.sharing.share', consequence: 'feedback.consequence.share' },
  { value: 'anonymous', label: 'feedback.sharing.anonymous', consequence: 'feedback.consequence.anonymous' },
  { value: 'private', label: 'feedback.sharing.private', consequence: 'feedback.consequence.private' },
];

export type FeedbackUpdate = Partial<Pick<ClientFeedback, 'text' | 'themeId' | 'isQuote' | 'sharing'>>;

export function FeedbackEntry({
  feedback,
  number,
  framework,
  clientLabel,
  onUpdate,
  onFlush,
  onDelete,
}: {
  feedback: ClientFeedback;
  number: number;
  framework: Framework | null;
  clientLabel: string;
  onUpdate: (update: FeedbackUpdate, opts?: { typing?: boolean }) => void;
  onFlush: () => void;
  onDelete: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const themes = framework ? [...focusedThemes(framework), ...openThemes(framework)] : [];
  const choice = SHARING.find((s) => s.value === feedback.sharing) ?? SHARING[2]!;
  const name = t('feedback.entryLabel', { n: number });
  return (
    <fieldset className={`feedback-entry sharing-${feedback.sharing}`} data-testid="feedback-entry" data-sharing={feedback.sharing}>
      <legend className="sr-only">{name}</legend>
      <div className="feedback-entry-main">
        <textarea
          rows={2}
          value={feedback.text}
          autoFocus={feedback.text === ''}
          aria-label={t('feedback.textLabel', { n: number })}
          placeholder={t('feedback.textPlaceholder')}
          onChange={(e) => onUpdate({ text: e.target.value }, { typing: true })}
          onBlur={onFlush}
        />
        <button type="button" className="icon-button danger" onClick={onDelete} aria-label={t('feedback.delete', { n: number })} title={t('common.delete')}>
          ×
        </button>
      </div>
      <div className="feedback-entry-row">
        <label>
          {t('feedback.theme')}
          <select value={feedback.themeId ?? ''} onChange={(e) => onUpdate({ themeId: e.target.value || null })}>
            <option value="">{t('feedback.noTheme')}</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {localText(theme.short, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={feedback.isQuote} onChange={(e) => onUpdate({ isQuote: e.target.checked })} />
          {t('feedback.isQuote')}
        </label>
      </div>
      <div className="sharing-choice" role="radiogroup" aria-label={t('feedback.sharingQuestion', { n: number })}>
        <span className="sharing-question" aria-hidden="true">
          {t('feedback.sharingShort')}
        </span>
        {SHARING.map((option) => (
          <label key={option.value} className={`sharing-option sharing-option-${option.value}`}>
            <input
              type="radio"
              name={`sharing-${id}`}
              value={option.value}
              checked={feedback.sharing === option.value}
              onChange={() => onUpdate({ sharing: option.value })}
            />
            {t(option.label)}
          </label>
        ))}
      </div>
      <p className="sharing-consequence" data-testid="sharing-consequence">
        {t(choice.consequence, { client: clientLabel || t('feedback.theClient') })}
      </p>
    </fieldset>
  );
}
