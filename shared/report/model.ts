// The reflection report as a document model: a small tree of blocks that every output (HTML,
// DOCX, PDF through HTML, the in-app preview) renders. Built by buildReport (build-report.ts),
// a pure function; the renderers only lay it out and never add user text of their own.
// zod schemas are the source of truth (the preview crosses the IPC boundary); types are inferred.
import { z } from 'zod';
import { Language, Valence } from '../domain';

export const ReportScope = z.enum(['cycle', 'trajectory']);
export type ReportScope = z.infer<typeof ReportScope>;

export const ReportFormat = z.enum(['docx', 'pdf', 'html']);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** A piece of text in a paragraph. */
export const InlineRun = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
export type InlineRun = z.infer<typeof InlineRun>;

export const HeadingBlock = z.object({
  type: z.literal('heading'),
  /** 1: a part of the report (background, a conversation, how it went on); 2: a step; 3: a theme. */
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  text: z.string(),
});

export const ParagraphBlock = z.object({
  type: z.literal('paragraph'),
  runs: z.array(InlineRun),
  /** 'meta': a line of facts (dates, who); 'note': a remark of the report itself (nothing recorded yet ...). */
  tone: z.enum(['normal', 'meta', 'note']),
});

/** A researchers' observation, set apart from the transcript (boxed in every format). */
export const ObservationBlock = z.object({
  type: z.literal('observation'),
  /** "6:11", with " (video 2)" when the cycle has several recordings; null when not tied to a moment. */
  time: z.string().nullable(),
  label: z.string(),
  text: z.string(),
});

/** A question for the client or for the case manager, marked as such. */
export const QuestionBlock = z.object({
  type: z.literal('question'),
  audience: z.enum(['client', 'case-manager']),
  time: z.string().nullable(),
  /** "Vraag voor de cliënt" / "Vraag voor de klantmanager". */
  label: z.string(),
  text: z.string(),
});

/** One line of the annotated transcript: what was said (or, for an event, what happened). */
export const TranscriptBlock = z.object({
  type: z.literal('transcript'),
  time: z.string(),
  speaker: z.string(),
  text: z.string(),
  event: z.boolean(),
});

/** A fragment to replay: "fragment 6:00 – 6:30", naming the video when the cycle has several. */
export const FragmentBlock = z.object({
  type: z.literal('fragment'),
  fragmentId: z.string(),
  /** "fragment 6:00 – 6:30 (video 2)". */
  reference: z.string(),
  /** "Terugkijken" / "Replay", or "Fragment" in the transcript. */
  label: z.string(),
  title: z.string(),
  /** "Positief moment" / "Aandachtspunt". */
  valence: z.string(),
  valenceKind: Valence,
  themes: z.array(z.string()),
  note: z.string(),
  /** Questions that go with this fragment, when they differ from the framework's standard ones. */
  questions: z.array(z.string()),
});

/** The client's feedback as the sharing rules let it out (see shared/method/sharing.ts). */
export const FeedbackBlock = z.object({
  type: z.literal('feedback'),
  /** quote: the client's words with attribution; paraphrase: given anonymously, never in quotation marks; summary: the researcher's words. */
  mode: z.enum(['quote', 'paraphrase', 'summary']),
  text: z.string(),
  /** Who said it; null when given anonymously. */
  attribution: z.string().nullable(),
  /** "Parafrase, anoniem gedeeld" and the like; '' when nothing needs saying. */
  label: z.string(),
});

export const ListBlock = z.object({
  type: z.literal('list'),
  ordered: z.boolean(),
  items: z.array(z.array(InlineRun)),
});

/** A table of plain text; a cell's lines are separate lines ("\n"). */
export const TableBlock = z.object({
  type: z.literal('table'),
  caption: z.string(),
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});

/** A still frame of a fragment; the renderer gets the picture by id, or leaves it out. */
export const ImageBlock = z.object({
  type: z.literal('image'),
  stillId: z.string(),
  caption: z.string(),
});

export const PageBreakBlock = z.object({ type: z.literal('page-break') });

export const ReportBlock = z.discriminatedUnion('type', [
  HeadingBlock,
  ParagraphBlock,
  ObservationBlock,
  QuestionBlock,
  TranscriptBlock,
  FragmentBlock,
  FeedbackBlock,
  ListBlock,
  TableBlock,
  ImageBlock,
  PageBreakBlock,
]);
export type ReportBlock = z.infer<typeof ReportBlock>;
export type HeadingBlock = z.infer<typeof HeadingBlock>;
export type ParagraphBlock = z.infer<typeof ParagraphBlock>;
export type ObservationBlock = z.infer<typeof ObservationBlock>;
export type QuestionBlock = z.infer<typeof QuestionBlock>;
export type TranscriptBlock = z.infer<typeof TranscriptBlock>;
export type FragmentBlock = z.infer<typeof FragmentBlock>;
export type FeedbackBlock = z.infer<typeof FeedbackBlock>;
export type ListBlock = z.infer<typeof ListBlock>;
export type TableBlock = z.infer<typeof TableBlock>;
export type ImageBlock = z.infer<typeof ImageBlock>;

export const ReportDocument = z.object({
  lang: Language,
  scope: ReportScope,
  /** The document's title (Word's Title style, the HTML's h1 and <title>). */
  title: z.string(),
  subtitle: z.string(),
  blocks: z.array(ReportBlock),
  /** Things the user should know before sharing (nothing recorded yet, feedback left out ...). */
  warnings: z.array(z.string()),
});
export type ReportDocument = z.infer<typeof ReportDocument>;
