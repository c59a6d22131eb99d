// The client decides whether a piece of feedback may be passed on, passed on anonymously, or not
// at all. This is the one function every route out of the interview goes through: the
// reflection agenda, review mode and every export. Nothing else may read ClientFeedback for
// use outside the interview.
import type { Language } from '../domain';
import type { ClientFeedback, SharedFeedback } from './model';
import { pseudonymise } from '../exchange/pseudonymise';
import { phrase } from './section-titles';

/** Replaces the given names in text by a role placeholder (whole words, any case or accents). */
function withoutNames(text: string, names: string[], placeholder: string): string {
  const list = names.map((name) => name.trim()).filter((name) => name !== '').map((name) => ({ name, replacement: placeholder }));
  return pseudonymise(text, list);
}

/**
 * The feedback that may leave the interview, in its order:
 * - 'private' never leaves (and so does anything with an unknown sharing value);
 * - 'anonymous' loses who said it: no attribution, the client's label removed from the text,
 *   and a literal quote becomes a paraphrase (isQuote false, paraphrase true), since exact
 *   words can identify a person;
 * - 'share' keeps the attribution (the speaker label, else clientLabel).
 */
export function feedbackForOutside(
  feedback: readonly ClientFeedback[],
  clientLabel: string,
  lang: Language = 'nl',
): SharedFeedback[] {
  const shared: SharedFeedback[] = [];
  for (const f of feedback) {
    const base = { id: f.id, agendaItemId: f.agendaItemId, fragmentId: f.fragmentId ?? null, themeId: f.themeId };
    if (f.sharing === 'share') {
      const attribution = f.speakerLabel.trim() || clientLabel.trim() || null;
      shared.push({ ...base, text: f.text, isQuote: f.isQuote, paraphrase: false, attribution });
    } else if (f.sharing === 'anonymous') {
      const text = withoutNames(f.text, [f.speakerLabel, clientLabel], phrase('clientPlaceholder', lang));
      shared.push({ ...base, text, isQuote: false, paraphrase: f.isQuote, attribution: null });
    }
  }
  return shared;
}

/** How many pieces of feedback may not leave the interview ("niet delen"): for the export log. */
export function withheldFeedbackCount(feedback: readonly ClientFeedback[]): number {
  return feedback.length - feedbackForOutside(feedback, '').length;
}
