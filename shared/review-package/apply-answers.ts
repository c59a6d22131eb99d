// An imported answers file joins the cycle's method record: its answers are kept per package (a
// newer file of the same package replaces the older one), and the case manager's new doubts join
// the intake's (one per line, each once). Pure; the caller stores the result.
import { type CaseManagerPreparation, type CycleMethod, MAX_PREPARATIONS, orderedItems, shownItemIds, type TextItem } from '../method';
import { AnswersFileError } from './answers-file';
import type { AnswersFile } from './model';

export interface AppliedAnswers {
  method: CycleMethod;
  /** Reflection agenda items (shown, in agenda order) the case manager wants to discuss. */
  flaggedItemIds: string[];
  /** How many doubts joined the intake. */
  doubtsAdded: number;
}

/** Two doubts are the same when their texts differ only in spacing and case. */
function textKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

export function applyAnswers(
  method: CycleMethod,
  file: AnswersFile,
  importedAt: string,
  newId: () => string,
): AppliedAnswers {
  if (file.cycleId !== method.cycleId) {
    throw new AnswersFileError('other-cycle', `The answers file belongs to cycle ${file.cycleId}, not ${method.cycleId}`);
  }
  const preparation: CaseManagerPreparation = {
    packageId: file.packageId,
    savedAt: file.savedAt,
    importedAt,
    answers: file.answers.filter((a) => a.text.trim() !== '' || a.discuss),
    doubts: file.doubts,
  };
  const preparations = [...method.preparations.filter((p) => p.packageId !== file.packageId), preparation];
  if (preparations.length > MAX_PREPARATIONS) {
    throw new AnswersFileError('too-many-packages', `The cycle keeps the answers of at most ${MAX_PREPARATIONS} packages`);
  }

  const doubts: TextItem[] = [...method.intake.doubts];
  const known = new Set(doubts.map((d) => textKey(d.text)));
  let doubtsAdded = 0;
  for (const line of file.doubts.split(/\r?\n/).map((l) => l.trim())) {
    if (line === '' || known.has(textKey(line))) continue;
    known.add(textKey(line));
    doubts.push({ id: newId(), text: line });
    doubtsAdded++;
  }

  const flagged = new Set(preparation.answers.filter((a) => a.discuss).map((a) => a.itemId));
  const agenda = method.reflectionAgenda;
  // Only items the reflection page shows: a hidden one would move to the front unseen.
  const onScreen = agenda ? shownItemIds(agenda, method.feedback) : new Set<string>();
  const flaggedItemIds = agenda
    ? orderedItems(agenda).filter((i) => !i.removed && onScreen.has(i.id) && flagged.has(i.id)).map((i) => i.id)
    : [];

  return { method: { ...method, preparations, intake: { ...method.intake, doubts } }, flaggedItemIds, doubtsAdded };
}

/** What the case manager prepared for one agenda item, newest import first. */
export function preparationFor(method: Pick<CycleMethod, 'preparations'>, itemId: string) {
  return [...method.preparations]
    .sort((a, b) => b.importedAt.localeCompare(a.importedAt))
    .flatMap((p) => p.answers.filter((a) => a.itemId === itemId).map((answer) => ({ answer, savedAt: p.savedAt })));
}
