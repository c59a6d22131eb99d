// The steps of a cycle and their status. Steps may be done in any order (the interview after
// the reflection meeting, say); the method's order only decides what is suggested next.
import { type CycleStep, CycleStepId, type Intake, IsoDate, type StepStatus } from './model';

export const CYCLE_STEP_ORDER: readonly CycleStepId[] = CycleStepId.options;

export function initialCycleSteps(): CycleStep[] {
  return CYCLE_STEP_ORDER.map((step) => ({ step, status: 'todo', date: null, note: '' }));
}

/** One entry per step, in the method's order; missing steps are added as todo, duplicates dropped. */
export function normalizeCycleSteps(steps: readonly CycleStep[]): CycleStep[] {
  return CYCLE_STEP_ORDER.map(
    (step) => steps.find((s) => s.step === step) ?? { step, status: 'todo' as StepStatus, date: null, note: '' },
  );
}

/** A copy with one step changed. Throws on a date that is not YYYY-MM-DD. */
export function updateCycleStep(
  steps: readonly CycleStep[],
  step: CycleStepId,
  patch: Partial<Omit<CycleStep, 'step'>>,
): CycleStep[] {
  if (patch.date != null) IsoDate.parse(patch.date);
  return normalizeCycleSteps(steps).map((s) => (s.step === step ? { ...s, ...patch, step } : s));
}

/** The first step still to do in the method's order, or null when every step is done or skipped. */
export function nextOpenStep(steps: readonly CycleStep[]): CycleStepId | null {
  return normalizeCycleSteps(steps).find((s) => s.status === 'todo')?.step ?? null;
}

export function cycleProgress(steps: readonly CycleStep[]) {
  const all = normalizeCycleSteps(steps);
  const count = (status: StepStatus) => all.filter((s) => s.status === status).length;
  const todo = count('todo');
  return { done: count('done'), skipped: count('skipped'), todo, total: all.length, complete: todo === 0 };
}

/**
 * When the client refused consent, an interview still to do becomes skipped, with the intake's
 * skip reason as its note. Other statuses are the user's and are left alone.
 */
export function applyConsentToSteps(steps: readonly CycleStep[], intake: Pick<Intake, 'consent' | 'skipReason'>): CycleStep[] {
  const interview = normalizeCycleSteps(steps).find((s) => s.step === 'client-interview');
  if (intake.consent !== 'no' || interview?.status !== 'todo') return normalizeCycleSteps(steps);
  return updateCycleStep(steps, 'client-interview', {
    status: 'skipped',
    note: interview.note.trim() !== '' ? interview.note : intake.skipReason,
  });
}
