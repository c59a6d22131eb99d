// A fresh method record for a new cycle.
import { initialCycleSteps } from './cycle-steps';
import { emptyMeetingOutcome } from './meeting-outcome';
import type { CycleMethod, Intake } from './model';

export function emptyIntake(): Intake {
  return { doubts: [], learningGoals: [], consent: 'not-asked', skipReason: '', nextConversationDate: null };
}

export function newCycleMethod(cycleId: string, frameworkId: string): CycleMethod {
  return {
    cycleId,
    frameworkId,
    steps: initialCycleSteps(),
    intake: emptyIntake(),
    interviewAgenda: null,
    interviewDate: null,
    feedback: [],
    reflectionAgenda: null,
    outcome: emptyMeetingOutcome(),
    preparations: [],
  };
}
