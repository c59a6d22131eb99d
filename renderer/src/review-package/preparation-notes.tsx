// "Voorbereiding klantmanager": what the case manager wrote about an agenda item in their review
// package, shown under the item on the reflection page (read-only: it is their text).
import type { CycleMethod } from '../../../shared/method';
import { preparationFor } from '../../../shared/review-package';
import { useI18n } from '../i18n';
import './review-package.css';

export function PreparationNotes({ method, itemId }: { method: CycleMethod; itemId: string }) {
  const { t } = useI18n();
  const found = preparationFor(method, itemId);
  if (found.length === 0) return null;
  return (
    <section className="preparation" data-testid="preparation" aria-label={t('package.preparation')}>
      <h4>
        {t('package.preparation')}
        {found.some((f) => f.answer.discuss) && <span className="preparation-discuss">{t('package.discuss')}</span>}
      </h4>
      {found
        .filter((f) => f.answer.text.trim() !== '')
        .map((f, i) => (
          <p key={i} className="preparation-text">
            {f.answer.text}
          </p>
        ))}
    </section>
  );
}

/** Answers about items that are not (or no longer) on the reflection agenda. */
export function OtherPreparations({ method }: { method: CycleMethod }) {
  const { t } = useI18n();
  const onAgenda = new Set((method.reflectionAgenda?.items ?? []).filter((i) => !i.removed).map((i) => i.id));
  const others = method.preparations.flatMap((p) => p.answers.filter((a) => !onAgenda.has(a.itemId) && a.text.trim() !== ''));
  if (others.length === 0) return null;
  return (
    <section className="preparation" data-testid="other-preparations" aria-label={t('package.otherPreparations')}>
      <h4>{t('package.otherPreparations')}</h4>
      {others.map((a, i) => (
        <p key={i} className="preparation-text">
          <strong>{a.title}: </strong>
          {a.text}
        </p>
      ))}
    </section>
  );
}
