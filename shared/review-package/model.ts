// The review package a case manager opens from disk (one index.html with this document embedded,
// and its clips), and the answers file that comes back. zod schemas are the source of truth.
import { z } from 'zod';
import { Language } from '../domain';
import { PreparationAnswer } from '../method/model';

export const PACKAGE_FORMAT = 'vkz-voorbereiding';
export const ANSWERS_FORMAT = 'vkz-antwoorden';
/** The answers file's extension (without the dot). */
export const ANSWERS_EXTENSION = 'vkz-antwoorden';

/** What goes into a package: the reflection agenda, or every fragment with one theme. */
export const PackageSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reflection') }).strict(),
  z.object({ kind: z.literal('theme'), themeId: z.string().min(1).max(100) }).strict(),
]);
export type PackageSource = z.infer<typeof PackageSource>;

export const PackageFeedback = z.object({
  text: z.string(),
  mode: z.enum(['quote', 'paraphrase', 'summary']),
  /** Who said it; null when it was given anonymously. */
  attribution: z.string().nullable(),
});
export type PackageFeedback = z.infer<typeof PackageFeedback>;

export const PackageClip = z.object({
  /** Relative to index.html, e.g. "clips/01.mp4". */
  file: z.string(),
  /** "6:00 – 6:30", with "(video 2)" when the cycle has several recordings. */
  label: z.string(),
  durationSec: z.number().nonnegative(),
});
export type PackageClip = z.infer<typeof PackageClip>;

export const PackageItem = z.object({
  /** The agenda item's id (answers come back under it), or `fragment:<id>` in a theme package. */
  id: z.string(),
  /** The agenda section it belongs to; the page shows a heading where it changes. */
  section: z.string(),
  title: z.string(),
  text: z.string(),
  questions: z.array(z.string()),
  subQuestions: z.array(z.string()),
  clip: PackageClip.nullable(),
  feedback: z.array(PackageFeedback),
});
export type PackageItem = z.infer<typeof PackageItem>;

export const ReviewPackageDocument = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(1),
  packageId: z.string(),
  cycleId: z.string(),
  lang: Language,
  title: z.string(),
  subtitle: z.string(),
  /** The date it was made, written out ("29 november 2026"). */
  madeOn: z.string(),
  /** The case manager's doubts and learning goals, when no agenda item in the package carries them. */
  doubts: z.array(z.string()),
  learningGoals: z.array(z.string()),
  items: z.array(PackageItem),
  /** The name the answers file gets when the case manager saves it. */
  answersFileName: z.string(),
  /** The page's labels in the package's language (page-texts.ts). */
  texts: z.record(z.string(), z.string()),
});
export type ReviewPackageDocument = z.infer<typeof ReviewPackageDocument>;

/** The answers file (.vkz-antwoorden) the page saves; `checksum` is answersChecksum of the rest. */
export const AnswersFile = z
  .object({
    format: z.literal(ANSWERS_FORMAT),
    version: z.literal(1),
    packageId: z.string().min(1).max(100),
    cycleId: z.string().min(1).max(100),
    savedAt: z.string().max(40),
    answers: z.array(PreparationAnswer).max(1000),
    doubts: z.string().max(20_000),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type AnswersFile = z.infer<typeof AnswersFile>;
