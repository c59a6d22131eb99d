// The reflection meeting: its agenda on the three pillars (the case manager's doubts and learning
// goals, the analysis, the client's feedback as the sharing choices allow; in a follow-up cycle
// opening with the previous intentions), notes per item during the meeting, then what it
// produced: takeaways, intentions (carried into the next cycle) and the evaluation.
import type { MethodView } from '../../../shared/contract';
import type { Framework } from '../../../shared/framework';
import { type AgendaItem, hasNothingToShare, itemNote, setItemNote, type TextItem } from '../../../shared/method';
import { useState } from 'react';
import { ClipProgress } from '../clips/clip-progress';
import { useI18n } from '../i18n';
import { AnswersImport } from '../review-package/answers-import';
import { PackageMaker } from '../review-package/package-maker';
import { OtherPreparations, PreparationNotes } from '../review-package/preparation-notes';
import { goTo } from '../route';
import { AgendaEditor } from './agenda-editor';
import { DateField } from './date-field';
import { SharedFeedbackList } from './shared-feedback';
import { TextListEditor } from './text-list-editor';
import { ThemeReviewPicker } from './theme-review-picker';
import type { MethodActions } from './use-method';
import { useEditControl } from '../startup/read-only';

export function ReflectionPage({
  cycleId,
  view,
  actions,
  framework,
  onPlay,
}: {
  cycleId: string;
  view: MethodView;
  actions: MethodActions;
  framework: Framework | null;
  onPlay: (item: AgendaItem) => void;
}) {
  const { t } = useI18n();
  const [makingPackage, setMakingPackage] = useState(false);
  const editControl = useEditControl();
  const { method, previousCycle, previousIntentions } = view;
  const { reflectionAgenda: agenda, outcome } = method;
  const flush = () => void actions.flush();
  const setOutcome = (patch: Partial<typeof outcome>, typing = false) =>
    actions.change((m) => ({ outcome: { ...m.outcome, ...patch } }), { typing });
  const previousTitle = previousCycle
    ? previousCycle.title || t('library.defaultCycleTitle', { n: previousCycle.number })
    : '';

  return (
    <div className="method-page-body">
      <section className="card" aria-labelledby="reflection-title">
        <div className="card-head">
          <h2 id="reflection-title">{t('reflection.title')}</h2>
          <div className="button-row">
            <button type="button" className={agenda ? '' : 'primary'} onClick={() => void actions.buildAgenda('reflection')} {...editControl()}>
              {agenda ? t('agenda.regenerate') : t('agenda.build')}
            </button>
            {agenda && (
              <button type="button" onClick={() => goTo({ screen: 'review', cycleId, source: { kind: 'reflection' } })}>
                ▶ {t('agenda.reviewMode')}
              </button>
            )}
            <DateField label={t('reflection.date')} value={outcome.date} onChange={(date) => setOutcome({ date })} />
          </div>
        </div>
        {previousIntentions.length > 0 && (
          <p className="notice" data-testid="follow-up-notice">
            {t('reflection.followUpNotice', { count: previousIntentions.length, cycle: previousTitle })}
          </p>
        )}
        <p className="hint">{agenda ? t('agenda.regenerateHint') : t('reflection.buildHint')}</p>
        <ThemeReviewPicker cycleId={cycleId} framework={framework} />
        <section className="package-card" aria-labelledby="package-title">
          <h3 id="package-title">{t('package.heading')}</h3>
          <p className="hint">{t('package.hint')}</p>
          <div className="button-row">
            <button type="button" onClick={() => setMakingPackage(true)} {...editControl()}>
              {t('package.open')}
            </button>
          </div>
          <ClipProgress kind="package" />
          <AnswersImport cycleId={cycleId} actions={actions} />
          <OtherPreparations method={method} />
        </section>
        {makingPackage && <PackageMaker cycleId={cycleId} framework={framework} onClose={() => setMakingPackage(false)} />}
      </section>

      {agenda && (
        <AgendaEditor
          agenda={agenda}
          framework={framework}
          label={t('reflection.agendaLabel')}
          onChange={(update, opts) =>
            actions.change((m) => (m.reflectionAgenda ? { reflectionAgenda: update(m.reflectionAgenda) } : {}), opts)
          }
          onFlush={flush}
          onPlay={onPlay}
          renderItemExtra={(item) => (
            <>
              <SharedFeedbackList feedback={item.feedback} framework={framework} withdrawn={item.withdrawnFeedback} />
              <PreparationNotes method={method} itemId={item.id} />
              <label className="meeting-note">
                <span>{t('reflection.itemNotes')}</span>
                <textarea
                  rows={1}
                  value={itemNote(outcome, item.id)}
                  placeholder={t('reflection.itemNotesPlaceholder')}
                  aria-label={t('reflection.itemNotesFor', { title: item.title.trim() || t('agenda.untitled') })}
                  onChange={(e) => {
                    const text = e.target.value;
                    actions.change((m) => ({ outcome: setItemNote(m.outcome, item.id, text) }), { typing: true });
                  }}
                  onBlur={flush}
                  {...editControl()}
                />
                {hasNothingToShare(item) && (
                  <span className="meeting-note-withdrawn" role="note" data-testid="note-on-withdrawn">
                    {t('reflection.itemNotesWithdrawn')}
                  </span>
                )}
              </label>
            </>
          )}
        />
      )}

      <section className="card outcome-card" aria-labelledby="outcome-title" data-testid="meeting-outcome">
        <div className="card-head">
          <h2 id="outcome-title">{t('reflection.outcomeTitle')}</h2>
        </div>
        <div className="outcome-lists">
          <TextListEditor
            title={t('reflection.takeaways')}
            items={outcome.takeaways}
            addLabel={t('reflection.addTakeaway')}
            itemLabel={(n) => t('reflection.takeawayN', { n })}
            placeholder={t('reflection.takeawayPlaceholder')}
            emptyText={t('reflection.noTakeaways')}
            testId="takeaways"
            onChange={(takeaways: TextItem[], opts) => setOutcome({ takeaways }, opts?.typing)}
            onFlush={flush}
          />
          <TextListEditor
            title={t('reflection.intentions')}
            items={outcome.intentions}
            addLabel={t('reflection.addIntention')}
            itemLabel={(n) => t('reflection.intentionN', { n })}
            placeholder={t('reflection.intentionPlaceholder')}
            emptyText={t('reflection.noIntentions')}
            testId="intentions"
            onChange={(intentions: TextItem[], opts) => setOutcome({ intentions }, opts?.typing)}
            onFlush={flush}
          />
        </div>
        <p className="hint">{t('reflection.intentionsCarry')}</p>
        <label className="stacked">
          {t('reflection.evaluation')}
          <textarea
            rows={3}
            value={outcome.evaluation}
            placeholder={t('reflection.evaluationPlaceholder')}
            onChange={(e) => setOutcome({ evaluation: e.target.value }, true)}
            onBlur={flush}
            {...editControl()}
          />
        </label>
      </section>
    </div>
  );
}
