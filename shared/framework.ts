// A framework is a question set the method works with (the Kijkwijzer, the Samenleerwijzer, or one
// a user wrote). Frameworks are JSON data validated here, so users can edit or add them without
// touching code. Pure TypeScript: loading files is electron/services/frameworks' job.
import { z } from 'zod';

export const LocalText = z.object({ nl: z.string(), en: z.string() });
export type LocalText = z.infer<typeof LocalText>;

export const FrameworkQuestion = z.object({
  /** Unique within the framework; agendas refer to questions and themes by id. */
  id: z.string().min(1),
  text: LocalText,
});
export type FrameworkQuestion = z.infer<typeof FrameworkQuestion>;

export const FrameworkTheme = z.object({
  /** e.g. 'authenticity', 'shared-goal', 'intervention-logic', 'flow', 'resistance'. */
  id: z.string().min(1),
  /** Kijkwijzer: the focused questions (toegespitste vragen) and the open questions (open vragen). */
  kind: z.enum(['focused', 'open']),
  /**
   * Position among themes of the same kind. For focused themes this is the method's order
   * (authenticity 1, shared goal 2, intervention logic 3): each is a precondition for the next.
   */
  order: z.number().int(),
  label: LocalText,
  /** Short tag label for chips, e.g. "Echtheid". */
  short: LocalText,
  questions: z.array(FrameworkQuestion),
  subQuestions: z.array(FrameworkQuestion).default([]),
});
export type FrameworkTheme = z.infer<typeof FrameworkTheme>;

/** A missing set is an empty set, so a user's framework only needs the sets it uses. */
const QuestionSet = z.array(FrameworkQuestion).default([]);

export const Framework = z
  .object({
    id: z.string().min(1),
    version: z.number().int(),
    name: LocalText,
    description: LocalText,
    themes: z.array(FrameworkTheme),
    /** Named question sets the method uses outside the themes. */
    questionSets: z.object({
      /** Client interview, general part. */
      interviewGeneral: QuestionSet,
      /** Per fragment in the client interview; the client first says what happened. */
      interviewFragment: QuestionSet,
      /** End of the interview, including the reminder that taking part is voluntary. */
      interviewClosing: QuestionSet,
      /** Per fragment in the reflection meeting. */
      reflectionFragment: QuestionSet,
      /** Points of attention (aandachtspunten) and intentions (voornemens). */
      takeaways: QuestionSet,
      /** How the case manager found the reflection meeting. */
      evaluation: QuestionSet,
      /** Opens the reflection meeting in a follow-up cycle. */
      followUpOpening: QuestionSet,
    }),
  })
  .superRefine((fw, ctx) => {
    const seenThemes = new Map<string, number>();
    fw.themes.forEach((theme, i) => {
      if (seenThemes.has(theme.id)) {
        ctx.addIssue({ code: 'custom', path: ['themes', i, 'id'], message: `duplicate theme id "${theme.id}"` });
      }
      seenThemes.set(theme.id, i);
    });
    // Question ids are unique across the whole framework: agenda items point at them.
    const seenQuestions = new Set<string>();
    const check = (questions: FrameworkQuestion[], path: (string | number)[]) =>
      questions.forEach((q, i) => {
        if (seenQuestions.has(q.id)) {
          ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate question id "${q.id}"` });
        }
        seenQuestions.add(q.id);
      });
    fw.themes.forEach((theme, i) => {
      check(theme.questions, ['themes', i, 'questions']);
      check(theme.subQuestions, ['themes', i, 'subQuestions']);
    });
    for (const [name, questions] of Object.entries(fw.questionSets)) check(questions, ['questionSets', name]);
  });
export type Framework = z.infer<typeof Framework>;

export class FrameworkError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(message);
    this.name = 'FrameworkError';
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.');
  return `${where}: ${issue.message}`;
}

/** Validates parsed JSON; throws FrameworkError naming the source and every problem's path. */
export function parseFramework(json: unknown, source: string): Framework {
  const result = Framework.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues.map(describeIssue);
  const shown = issues.slice(0, 5).join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  throw new FrameworkError(source, `Framework file ${source} is not valid: ${shown}${more}`);
}

export function themeById(fw: Framework, id: string): FrameworkTheme | undefined {
  return fw.themes.find((t) => t.id === id);
}

/** The focused questions in the method's order (authenticity, shared goal, intervention logic). */
export function focusedThemes(fw: Framework): FrameworkTheme[] {
  return fw.themes.filter((t) => t.kind === 'focused').sort((a, b) => a.order - b.order);
}

/** The open questions, sorted by their order. */
export function openThemes(fw: Framework): FrameworkTheme[] {
  return fw.themes.filter((t) => t.kind === 'open').sort((a, b) => a.order - b.order);
}

/** The text in the wanted language, falling back to the other one when it is empty. */
export function localText(t: LocalText, lang: 'nl' | 'en'): string {
  const wanted = t[lang];
  return wanted.trim() !== '' ? wanted : t[lang === 'nl' ? 'en' : 'nl'];
}
