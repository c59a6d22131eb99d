// The cycle page: the method's steps as a checklist (status, date and note per step, done in any
// order, progress shown) and the intake with the case manager: doubts and learning goals, the
// client's consent to an interview, why the interview is skipped, the next conversation's date.
import type { MethodView } from '../../../shared/contract';
import type { Framework } from '../../../shared/framework';
import {
  type Consent,
  type CycleStep,
  type CycleStepId,
  cycleProgress,
  normalizeCycleSteps,
  type StepStatus,
  updateCycleStep,
} from '../../../shared/method';
import { useI18n, type TextKey } from '../i18n';
import { hrefFor, type CycleView } from '../route';
import { todayIso } from '../../../shared/calendar-date';
import { DateField } from './date-field';
import { TextListEditor } from './text-list-editor';
import { ThemeReviewPicker } from './theme-review-picker';
import type { MethodActions } from './use-method';
import { EditGroup } from '../startup/read-only';

const STATUSES: StepStatus[] = ['todo', 'done', 'skipped'];
const STATUS_MARK: Record<StepStatus, string> = { todo: '○', done: '✓', skipped: '–' };

/** The page of the app where a step's work is done, if any. */
const STEP_PAGE: Partial<Record<CycleStepId, CycleView>> = {
  analysis: 'analysis',
  'client-interview': 'interview',
  preparation: 'reflection',
  'reflection-meeting': 'reflection',
  takeaways: 'reflection',
};

const CONSENTS: { value: Consent; label: TextKey }[] = [
  { value: 'yes', label: 'intake.consent.yes' },
  { value: 'no', label: 'intake.consent.no' },
  { value: 'not-asked', label: 'intake.consent.notAsked' },
];

export function CyclePage({
  cycleId,
  view,
  actions,
  framework,
}: {
  cycleId: string;
  view: MethodView;
  actions: MethodActions;
  framework: Framework | null;
}) {
  const { t } = useI18n();
  const { method } = view;
  const steps = normalizeCycleSteps(method.steps);
  const progress = cycleProgress(steps);
  const intake = method.intake;
  const interviewStep = steps.find((s) => s.step === 'client-interview');
  const showSkipReason = intake.consent === 'no' || interviewStep?.status === 'skipped' || intake.skipReason.trim() !== '';

  const setStep = (step: CycleStepId, patch: Partial<Omit<CycleStep, 'step'>>, typing = false) =>
    actions.change((m) => ({ steps: updateCycleStep(m.steps, step, patch) }), { typing });
  const setIntake = (patch: Partial<typeof intake>, typing = false) =>
    actions.change((m) => ({ intake: { ...m.intake, ...patch } }), { typing });

  return (
    <div className="method-columns">
      <section className="card steps-card" aria-labelledby="steps-title">
        <div className="card-head">
          <h2 id="steps-title">{t('cycle.stepsTitle')}</h2>
          <span className="progress-summary" data-testid="cycle-progress">
            <progress max={progress.total} value={progress.done + progress.skipped} aria-label={t('cycle.progressLabel')} />
            {t('cycle.progress', { done: progress.done, skipped: progress.skipped, total: progress.total })}
          </span>
        </div>
        <p className="hint">{t('cycle.stepsHint')}</p>
        <EditGroup>
          <ol className="steps">
            {steps.map((step) => {
              const name = t(`steps.${step.step}`);
              const page = STEP_PAGE[step.step];
              return (
                <li key={step.step} className={`step status-${step.status}`} data-testid="cycle-step" data-step={step.step}>
                  <span className="step-mark" aria-hidden="true">
                    {STATUS_MARK[step.status]}
                  </span>
                  <div className="step-main">
                    <h3 className="step-name">
                      {name}
                      {page && (
                        <a className="step-link" href={hrefFor({ screen: 'cycle', cycleId, view: page })}>
                          {t('cycle.openStep')} →
                        </a>
                      )}
                    </h3>
                    <p className="hint step-hint">{t(`steps.${step.step}.hint`)}</p>
                    <input
                      className="step-note"
                      value={step.note}
                      placeholder={step.step === 'follow-up' ? t('cycle.followUpPlaceholder') : t('cycle.notePlaceholder')}
                      aria-label={t('cycle.noteFor', { step: name })}
                      onChange={(e) => setStep(step.step, { note: e.target.value }, true)}
                      onBlur={() => void actions.flush()}
                    />
                  </div>
                  <div className="step-controls">
                    <div className="segmented-radio" role="radiogroup" aria-label={t('cycle.statusOf', { step: name })}>
                      {STATUSES.map((status) => (
                        <label key={status} className={step.status === status ? 'on' : ''}>
                          <input
                            type="radio"
                            name={`step-${step.step}`}
                            value={status}
                            checked={step.status === status}
                            onChange={() =>
                              setStep(step.step, status === 'done' && !step.date ? { status, date: todayIso() } : { status })
                            }
                          />
                          {t(`cycle.status.${status}`)}
                        </label>
                      ))}
                    </div>
                    <DateField label={t('cycle.date')} value={step.date} onChange={(date) => setStep(step.step, { date })} />
                  </div>
                </li>
              );
            })}
          </ol>
        </EditGroup>
      </section>

      <div className="method-side-column">
        <section className="card intake-card" aria-labelledby="intake-title">
          <div className="card-head">
            <h2 id="intake-title">{t('intake.title')}</h2>
          </div>
          <p className="hint">{t('intake.hint')}</p>
          <TextListEditor
            title={t('intake.doubts')}
            items={intake.doubts}
            addLabel={t('intake.addDoubt')}
            itemLabel={(n) => t('intake.doubtN', { n })}
            placeholder={t('intake.doubtPlaceholder')}
            emptyText={t('intake.noDoubts')}
            testId="intake-doubts"
            onChange={(doubts, opts) => setIntake({ doubts }, opts?.typing)}
            onFlush={() => void actions.flush()}
          />
          <TextListEditor
            title={t('intake.learningGoals')}
            items={intake.learningGoals}
            addLabel={t('intake.addLearningGoal')}
            itemLabel={(n) => t('intake.learningGoalN', { n })}
            placeholder={t('intake.learningGoalPlaceholder')}
            emptyText={t('intake.noLearningGoals')}
            testId="intake-learning-goals"
            onChange={(learningGoals, opts) => setIntake({ learningGoals }, opts?.typing)}
            onFlush={() => void actions.flush()}
          />
          <EditGroup>
            <fieldset className="consent">
              <legend>{t('intake.consent')}</legend>
              {CONSENTS.map((option) => (
                <label key={option.value} className="check">
                  <input
                    type="radio"
                    name="consent"
                    value={option.value}
                    checked={intake.consent === option.value}
                    onChange={() => setIntake({ consent: option.value })}
                  />
                  {t(option.label)}
                </label>
              ))}
              {intake.consent === 'no' && <p className="consent-note">{t('intake.consentNoEffect')}</p>}
            </fieldset>
            {showSkipReason && (
              <label className="stacked">
                {t('intake.skipReason')}
                <textarea
                  rows={2}
                  value={intake.skipReason}
                  placeholder={t('intake.skipReasonPlaceholder')}
                  onChange={(e) => setIntake({ skipReason: e.target.value }, true)}
                  onBlur={() => void actions.flush()}
                />
              </label>
            )}
            <DateField
              label={t('intake.nextConversation')}
              value={intake.nextConversationDate}
              onChange={(nextConversationDate) => setIntake({ nextConversationDate })}
            />
          </EditGroup>
        </section>

        <section className="card" aria-labelledby="theme-review-title">
          <div className="card-head">
            <h2 id="theme-review-title">{t('themeReview.title')}</h2>
          </div>
          <p className="hint">{t('themeReview.hint')}</p>
          <ThemeReviewPicker cycleId={cycleId} framework={framework} />
        </section>
      </div>
    </div>
  );
}
