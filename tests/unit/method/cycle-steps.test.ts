import { describe, expect, it } from 'vitest';
import {
  applyConsentToSteps,
  CycleMethod,
  cycleProgress,
  emptyIntake,
  emptyMeetingOutcome,
  initialCycleSteps,
  itemNote,
  newCycleMethod,
  nextOpenStep,
  normalizeCycleSteps,
  setItemNote,
  updateCycleStep,
} from '../../../shared/method';

describe('cycle steps', () => {
  it('starts with every step to do, in the method order', () => {
    const steps = initialCycleSteps();
    expect(steps.map((s) => s.step)).toEqual([
      'intake',
      'analysis',
      'client-interview',
      'preparation',
      'reflection-meeting',
      'takeaways',
      'follow-up',
    ]);
    expect(steps.every((s) => s.status === 'todo' && s.date === null && s.note === '')).toBe(true);
    expect(nextOpenStep(steps)).toBe('intake');
  });

  it('allows steps out of order (the interview after the reflection meeting)', () => {
    let steps = initialCycleSteps();
    steps = updateCycleStep(steps, 'intake', { status: 'done', date: '2025-03-01' });
    steps = updateCycleStep(steps, 'analysis', { status: 'done' });
    steps = updateCycleStep(steps, 'reflection-meeting', { status: 'done', date: '2025-03-20' });
    expect(nextOpenStep(steps)).toBe('client-interview');
    steps = updateCycleStep(steps, 'client-interview', { status: 'done', date: '2025-03-27', note: 'Na het reflectiegesprek' });
    expect(steps.find((s) => s.step === 'client-interview')).toEqual({
      step: 'client-interview',
      status: 'done',
      date: '2025-03-27',
      note: 'Na het reflectiegesprek',
    });
    expect(cycleProgress(steps)).toEqual({ done: 4, skipped: 0, todo: 3, total: 7, complete: false });
  });

  it('is complete when every step is done or skipped', () => {
    const steps = initialCycleSteps().map((s) => ({ ...s, status: s.step === 'follow-up' ? ('skipped' as const) : ('done' as const) }));
    expect(nextOpenStep(steps)).toBeNull();
    expect(cycleProgress(steps)).toMatchObject({ done: 6, skipped: 1, complete: true });
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => updateCycleStep(initialCycleSteps(), 'intake', { date: '1-3-2025' })).toThrow();
    expect(updateCycleStep(initialCycleSteps(), 'intake', { date: null })[0]?.date).toBeNull();
  });

  it('repairs a stored list with missing or duplicated steps', () => {
    const steps = normalizeCycleSteps([
      { step: 'analysis', status: 'done', date: null, note: '' },
      { step: 'analysis', status: 'todo', date: null, note: 'dubbel' },
    ]);
    expect(steps).toHaveLength(7);
    expect(steps[1]).toMatchObject({ step: 'analysis', status: 'done' });
  });

  it('skips a pending interview when the client refused consent, with the reason', () => {
    const intake = { ...emptyIntake(), consent: 'no' as const, skipReason: 'Cliënt wil niet geïnterviewd worden' };
    const steps = applyConsentToSteps(initialCycleSteps(), intake);
    expect(steps.find((s) => s.step === 'client-interview')).toMatchObject({
      status: 'skipped',
      note: 'Cliënt wil niet geïnterviewd worden',
    });
    // An interview already done stays done; consent 'yes' changes nothing.
    const done = updateCycleStep(initialCycleSteps(), 'client-interview', { status: 'done' });
    expect(applyConsentToSteps(done, intake).find((s) => s.step === 'client-interview')?.status).toBe('done');
    expect(applyConsentToSteps(initialCycleSteps(), { ...intake, consent: 'yes' })).toEqual(initialCycleSteps());
  });
});

describe('the method record of a cycle', () => {
  it('starts valid against its schema', () => {
    const record = newCycleMethod('cycle-1', 'kijkwijzer');
    expect(CycleMethod.parse(record)).toEqual(record);
    expect(record.intake.consent).toBe('not-asked');
  });

  it('keeps one note per agenda item', () => {
    let outcome = setItemNote(emptyMeetingOutcome(), 'item-1', 'Herkent het meteen');
    outcome = setItemNote(outcome, 'item-1', 'Herkent het meteen, wil het anders doen');
    outcome = setItemNote(outcome, 'item-2', 'Geen tijd meer');
    expect(itemNote(outcome, 'item-1')).toBe('Herkent het meteen, wil het anders doen');
    expect(setItemNote(outcome, 'item-2', ' ').itemNotes).toHaveLength(1);
    expect(itemNote(outcome, 'nope')).toBe('');
  });
});
