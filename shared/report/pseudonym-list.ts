// A trajectory's pseudonymisation list as it is stored and edited: names and what they become
// in every export ("Jan" -> "[naam cliënt]"). Applying it is shared/exchange/pseudonymise.ts's job;
// this only says what a valid list is.
import { z } from 'zod';
import { findListedNames } from '../exchange/pseudonymise';

export const PseudonymEntry = z.object({
  name: z.string().trim().min(1).max(200),
  replacement: z.string().trim().min(1).max(200),
});
export type PseudonymEntry = z.infer<typeof PseudonymEntry>;

export const PseudonymList = z.array(PseudonymEntry).max(500);
export type PseudonymList = z.infer<typeof PseudonymList>;

export type PseudonymProblem =
  | { kind: 'duplicate'; name: string }
  /** The replacement itself contains a listed name, so the name would survive: exports would be refused. */
  | { kind: 'replacement-contains-name'; name: string; replacement: string; found: string[] };

/** What is wrong with a list (an empty array when nothing is). */
export function pseudonymListProblems(list: readonly PseudonymEntry[]): PseudonymProblem[] {
  const problems: PseudonymProblem[] = [];
  const seen = new Set<string>();
  for (const entry of list) {
    const key = entry.name.trim().toLocaleLowerCase();
    if (seen.has(key)) problems.push({ kind: 'duplicate', name: entry.name });
    seen.add(key);
    const found = findListedNames(entry.replacement, list);
    if (found.length > 0) {
      problems.push({ kind: 'replacement-contains-name', name: entry.name, replacement: entry.replacement, found });
    }
  }
  return problems;
}
