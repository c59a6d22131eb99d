// The typed contract between renderer and main: one entry per channel, with the zod schema of
// its request and of its response. Main validates every request against it (electron/services/
// backend); the renderer gets typed calls from it (renderer/src/api). Errors cross the boundary
// as values: { ok: false, error }.
import { z } from 'zod';
import {
  Cycle,
  Fragment,
  Id,
  Language,
  Note,
  NoteKind,
  Recording,
  Settings,
  Trajectory,
  Valence,
} from './domain';
import {
  Author,
  CalendarDate,
  CycleTitle,
  FragmentTitle,
  Label,
  MAX_TRANSCRIPT_FRAGMENTS,
  MAX_TRANSCRIPT_LINES,
  NewId,
  NoteText,
  ReportBackground,
  Seconds,
  Speaker,
  ThemeId,
  Themes,
} from './input-rules';
import { ArchiveKind } from './exchange/archive-kind';
import { AlignmentAction, AlignmentDecision, AlignmentSubject, RangeChoice } from './alignment/model';
import { ExportLogEntry } from './privacy/export-log';
import { ForgetReport } from './privacy/forgetting';
import { CycleMethod, IsoDate, SharedFeedback, TextItem } from './method/model';
import { Framework } from './framework';
import { ReportDocument, ReportFormat, ReportScope } from './report/model';
import { PseudonymList } from './report/pseudonym-list';
import { PackageSource } from './review-package/model';
import { MediaToolInfo, startupContract } from './startup-contract';

const Empty = z.object({}).strict();
const MediaTool = z.enum(['ffmpeg', 'ffprobe']);

/**
 * Files the user dropped on the window: their paths come from the preload's own File objects, on
 * a channel of their own (not a page channel), so the page can never name a path.
 */
export const DroppedFiles = z.object({ cycleId: Id, paths: z.array(z.string().min(1).max(4096)).min(1).max(50) }).strict();
const ById = z.object({ id: Id }).strict();
const Done = z.object({ done: z.literal(true) });

export const AddRecordingsResult = z.object({
  added: z.array(Recording),
  failed: z.array(z.object({ fileName: z.string(), code: z.string(), message: z.string() })),
});
export type AddRecordingsResult = z.infer<typeof AddRecordingsResult>;

export const Workspace = z.object({
  trajectory: Trajectory,
  cycle: Cycle,
  recordings: z.array(Recording),
  notes: z.array(Note),
  fragments: z.array(Fragment),
});
export type Workspace = z.infer<typeof Workspace>;

/** What pages of a cycle show besides the analysis itself: no notes, no fragments. */
export const CycleHeader = Workspace.pick({ trajectory: true, cycle: true, recordings: true });
export type CycleHeader = z.infer<typeof CycleHeader>;

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  ffmpeg: z.object({ ok: z.boolean(), detail: z.string() }),
  /** The ffmpeg and ffprobe in use, when found. */
  tools: z.array(MediaToolInfo),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const FrameworkList = z.object({
  frameworks: z.array(Framework),
  errors: z.array(z.object({ source: z.string(), message: z.string() })),
});

const NotePatch = z
  .object({
    timeSec: Seconds.optional(),
    kind: NoteKind.optional(),
    text: NoteText.optional(),
    speaker: Speaker.optional(),
  })
  .strict();

const FragmentPatch = z
  .object({
    inSec: Seconds.optional(),
    outSec: Seconds.optional(),
    title: FragmentTitle.optional(),
    note: NoteText.optional(),
    valence: Valence.optional(),
    themes: Themes.optional(),
    forClient: z.boolean().optional(),
    forCaseManager: z.boolean().optional(),
    /** The moment of the report's still, inside the fragment; null: its middle. */
    stillSec: Seconds.nullable().optional(),
  })
  .strict();

/** A cycle's method record with what it needs from around it. */
export const MethodView = z.object({
  method: CycleMethod,
  /** The previous cycle of the same trajectory, if any: a follow-up cycle opens with its intentions. */
  previousCycle: Cycle.nullable(),
  previousIntentions: z.array(TextItem),
  clientLabel: z.string(),
});
export type MethodView = z.infer<typeof MethodView>;

/** One fragment to replay in review mode (shared/method/review-playlist.ts). */
export const PlaylistEntry = z.object({
  agendaItemId: z.string().nullable(),
  fragmentId: z.string(),
  recordingId: z.string(),
  recordingLabel: z.string().nullable(),
  inSec: z.number(),
  outSec: z.number(),
  title: z.string(),
  questions: z.array(z.string()),
  themeId: z.string().nullable(),
  valence: Valence,
  feedback: z.array(SharedFeedback),
});
export type PlaylistEntry = z.infer<typeof PlaylistEntry>;

export const PlaylistSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('interview') }),
  z.object({ kind: z.literal('reflection') }),
  z.object({ kind: z.literal('theme'), themeId: ThemeId, audience: z.enum(['case-manager', 'client', 'all']) }),
]);
export type PlaylistSource = z.infer<typeof PlaylistSource>;

// The case manager's preparations only change by importing an answers file ('reviewPackage.importAnswers'):
// left out here, so a page's patch (zod fills defaults) can never wipe them.
const MethodPatch = CycleMethod.omit({ cycleId: true, preparations: true }).partial().strict();

// ---- Fragment clips (electron/services/backend/clips-service.ts) ---------------------------

/** A clip export or showreel that runs in the background; null jobId: the user cancelled the dialog. */
export const ClipJobStarted = z.object({ jobId: z.string().nullable(), path: z.string().nullable() });
export type ClipJobKind = 'clips' | 'showreel' | 'package';

// ---- Review package (electron/services/backend/review-package-service.ts) -----------------

/** What a review package would hold, with sizes, before it is made. */
export const PackagePlan = z.object({
  lang: Language,
  items: z.array(
    z.object({
      id: z.string(),
      section: z.string(),
      title: z.string(),
      /** "6:00 – 6:30" when the item has a clip. */
      clipLabel: z.string().nullable(),
      durationSec: z.number().nullable(),
      /** Estimated size of the item's clip (0 without one, or when another item has the same clip). */
      estimatedBytes: z.number(),
    }),
  ),
  /** The page itself. */
  pageBytes: z.number(),
});
export type PackagePlan = z.infer<typeof PackagePlan>;

// ---- Media timeline (electron/services/media/timeline-service.ts) --------------------------

export const TimelineState = z.enum(['queued', 'running', 'done', 'failed', 'cancelled', 'unavailable']);
export type TimelineState = z.infer<typeof TimelineState>;

/** A recording's waveform and thumbnail strip (URLs of cached files), and its keyframe interval. */
export const TimelineData = z.object({
  state: TimelineState,
  progress: z.number().min(0).max(1),
  error: z.string().nullable(),
  waveform: z.object({ url: z.string(), bucketsPerSec: z.number().positive() }).nullable(),
  thumbnails: z.array(z.object({ timeSec: z.number().nonnegative(), url: z.string() })),
  /** Estimated distance between keyframes of what plays; long (> 4 s) means slow seeks. */
  keyframeIntervalSec: z.number().nullable(),
});
export type TimelineData = z.infer<typeof TimelineData>;

// ---- Data exchange (electron/services/exchange) ------------------------------------------

export const ExchangeFormat = z.enum(['csv', 'eaf', 'vtt', 'srt']);
export type ExchangeFormat = z.infer<typeof ExchangeFormat>;

/** What the exports panel shows about a cycle before anything is exported. */
export const ExchangeInfo = z.object({
  trajectoryId: Id,
  cycleNumber: z.number().int(),
  notes: z.number().int(),
  fragments: z.number().int(),
  pseudonymCount: z.number().int(),
  recordings: z.array(
    z.object({ id: Id, position: z.number().int(), fileName: z.string(), notes: z.number().int(), fragments: z.number().int() }),
  ),
  /** Size of the videos an archive would carry: this cycle's, and the whole trajectory's. */
  cycleMedia: z.object({ bytes: z.number(), files: z.number().int(), missing: z.number().int() }),
  trajectoryMedia: z.object({ bytes: z.number(), files: z.number().int(), missing: z.number().int() }),
});
export type ExchangeInfo = z.infer<typeof ExchangeInfo>;

const TranscriptNoteDraft = z.object({
  timeSec: Seconds,
  kind: NoteKind,
  speaker: Speaker,
  text: NoteText,
  author: Author,
});
const TranscriptFragmentDraft = z.object({
  inSec: Seconds,
  outSec: Seconds,
  title: FragmentTitle,
  note: NoteText,
  themes: Themes,
  valence: Valence,
  author: Author,
});
const TranscriptProblem = z.enum(['no-header', 'bad-time', 'expected-timing', 'ends-before-start', 'missing-blank-line', 'not-eaf', 'too-many-lines', 'too-big']);
export const TranscriptPreview = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({
    status: z.literal('ready'),
    fileName: z.string(),
    format: z.enum(['vtt', 'srt', 'eaf']),
    notes: z.array(TranscriptNoteDraft),
    fragments: z.array(TranscriptFragmentDraft),
    /** Cues left out because their timing can't be read, with their line. */
    skipped: z.array(z.object({ line: z.number().int(), lineText: z.string(), detail: z.string(), problem: TranscriptProblem.nullable() })),
  }),
  z.object({
    status: z.literal('error'),
    fileName: z.string(),
    format: z.enum(['vtt', 'srt', 'eaf']).nullable(),
    line: z.number().int().nullable(),
    lineText: z.string(),
    detail: z.string(),
    problem: TranscriptProblem.nullable(),
  }),
]);
export type TranscriptPreview = z.infer<typeof TranscriptPreview>;

export const ExchangeRecordType = z.enum(['trajectory', 'cycle', 'recording', 'note', 'fragment', 'method', 'report_settings']);
export type ExchangeRecordType = z.infer<typeof ExchangeRecordType>;
const ConflictVersion = z.object({
  author: z.string(),
  updatedAt: z.string(),
  deleted: z.boolean(),
  fields: z.array(z.object({ name: z.string(), value: z.string() })),
});
/** The same record changed on both sides: both versions, for the user to choose. */
export const ExchangeConflict = z.object({
  id: Id,
  recordType: ExchangeRecordType,
  recordId: z.string(),
  archiveAuthor: z.string(),
  archiveCreatedAt: z.string(),
  foundAt: z.string(),
  context: z.object({
    trajectory: z.string(),
    cycleNumber: z.number().nullable(),
    cycleTitle: z.string().nullable(),
    recordingPosition: z.number().nullable(),
    timeSec: z.number().nullable(),
  }),
  mine: ConflictVersion.nullable(),
  theirs: ConflictVersion,
  differing: z.array(z.string()),
});
export type ExchangeConflict = z.infer<typeof ExchangeConflict>;

const MergeCounts = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  kept: z.number().int(),
  conflicts: z.number().int(),
});
export const ArchiveImportSummary = z.object({
  trajectoryId: Id,
  trajectoryLabel: z.string(),
  archiveAuthor: z.string(),
  archiveCreatedAt: z.string(),
  includesMedia: z.boolean(),
  archiveKind: ArchiveKind,
  scope: z.enum(['trajectory', 'cycle']),
  /** Totals over all records, and per kind of record. */
  total: MergeCounts,
  counts: z.record(ExchangeRecordType, MergeCounts),
  mediaImported: z.number().int(),
  renumberedCycles: z.number().int(),
  conflicts: z.array(ExchangeConflict),
  /** Cancel was pressed when the merge had already been saved: the import is complete. */
  cancelTooLate: z.boolean(),
});
export type ArchiveImportSummary = z.infer<typeof ArchiveImportSummary>;

export const ArchiveExportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trajectory'), trajectoryId: Id }).strict(),
  z.object({ kind: z.literal('cycle'), cycleId: Id }).strict(),
]);

export const contract = {
  ...startupContract,
  'app.info': { request: Empty, response: AppInfo },

  'settings.get': { request: Empty, response: Settings },
  'settings.update': {
    request: z
      .object({
        authorName: Author.optional(),
        language: Language.optional(),
      })
      .strict(),
    response: Settings,
  },
  /**
   * Main opens a file dialog for ffmpeg or ffprobe, runs the chosen file with `-version` (time
   * limited) and stores it only when it answers as that tool. The page never names the program.
   */
  'settings.chooseBinary': { request: z.object({ which: MediaTool }).strict(), response: Settings },
  /** Back to finding ffmpeg or ffprobe automatically. */
  'settings.resetBinary': { request: z.object({ which: MediaTool }).strict(), response: Settings },

  'frameworks.list': { request: Empty, response: FrameworkList },

  'trajectories.list': { request: Empty, response: z.array(Trajectory) },
  'trajectories.create': {
    request: z.object({ caseManager: Label, client: Label }).strict(),
    response: Trajectory,
  },
  'trajectories.update': {
    request: z.object({ id: Id, caseManager: Label.optional(), client: Label.optional() }).strict(),
    response: Trajectory,
  },
  'trajectories.delete': { request: ById, response: Done },
  /** "Vergeet deze cliënt": the trajectory, its records and derived files, and what was removed. */
  'trajectories.forget': { request: ById, response: ForgetReport },
  /** "Bewaren tot" per trajectory id (only those with a date). */
  'retention.list': { request: Empty, response: z.record(z.string(), z.string()) },
  'retention.set': {
    request: z.object({ trajectoryId: Id, keepUntil: IsoDate.nullable() }).strict(),
    response: z.object({ keepUntil: z.string().nullable() }),
  },
  /** What left the machine with this trajectory's data, newest first. */
  'exportLog.list': { request: z.object({ trajectoryId: Id }).strict(), response: z.array(ExportLogEntry) },
  /** The export log as CSV; main asks where to save. path null: cancelled. */
  'exportLog.exportCsv': { request: z.object({ trajectoryId: Id }).strict(), response: z.object({ path: z.string().nullable() }) },

  'cycles.list': { request: z.object({ trajectoryId: Id }).strict(), response: z.array(Cycle) },
  'cycles.create': {
    request: z
      .object({
        trajectoryId: Id,
        title: CycleTitle,
        date: CalendarDate.nullable(),
      })
      .strict(),
    response: Cycle,
  },
  'cycles.update': {
    request: z
      .object({ id: Id, title: CycleTitle.optional(), date: CalendarDate.nullable().optional() })
      .strict(),
    response: Cycle,
  },
  'cycles.delete': { request: ById, response: Done },

  'workspace.get': { request: z.object({ cycleId: Id }).strict(), response: Workspace },
  /** The cycle with its trajectory and recordings, for pages that don't show the notes. */
  'cycle.header': { request: z.object({ cycleId: Id }).strict(), response: CycleHeader },

  /** Opens the system file dialog in main; the renderer never sends paths it made up. */
  'recordings.addViaDialog': { request: z.object({ cycleId: Id }).strict(), response: AddRecordingsResult },
  'recordings.relocate': { request: ById, response: Recording.nullable() },
  'recordings.remove': { request: ById, response: Done },
  'recordings.reorder': {
    request: z.object({ cycleId: Id, ids: z.array(Id).min(1) }).strict(),
    response: z.array(Recording),
  },
  'recordings.cancelProxy': { request: ById, response: Recording },
  'recordings.retryProxy': { request: ById, response: Recording },
  /** Makes a scrub-friendly proxy (half-second keyframes, constant frame rate) of a playable original that seeks slowly. */
  'recordings.makeScrubProxy': { request: ById, response: Recording },
  /** The recording's waveform and thumbnails; starts computing them when nothing is cached yet. */
  'media.timelineData': {
    /** retry: compute again after a failure or a cancel. */
    request: z.object({ recordingId: Id, retry: z.boolean().optional() }).strict(),
    response: TimelineData,
  },
  /** Stops computing the waveform and thumbnails (they can be asked for again with retry). */
  'media.cancelTimeline': { request: z.object({ recordingId: Id }).strict(), response: z.object({ cancelled: z.boolean() }) },

  'notes.create': {
    request: z
      .object({
        /** Named by the page, which shows the note before the store answers; a taken id is refused. */
        id: NewId.optional(),
        recordingId: Id,
        timeSec: Seconds,
        kind: NoteKind,
        text: NoteText,
        speaker: Speaker.optional(),
      })
      .strict(),
    response: Note,
  },
  'notes.update': { request: z.object({ id: Id, patch: NotePatch }).strict(), response: Note },
  'notes.delete': { request: ById, response: Done },
  'notes.restore': { request: ById, response: Note },

  'fragments.create': {
    request: z
      .object({
        recordingId: Id,
        inSec: Seconds,
        outSec: Seconds,
        title: FragmentTitle.optional(),
        themes: Themes.optional(),
        valence: Valence.optional(),
      })
      .strict(),
    response: Fragment,
  },
  'fragments.update': { request: z.object({ id: Id, patch: FragmentPatch }).strict(), response: Fragment },
  'fragments.delete': { request: ById, response: Done },
  'fragments.restore': { request: ById, response: Fragment },

  'method.get': { request: z.object({ cycleId: Id }).strict(), response: MethodView },
  /** Replaces the given parts of the cycle's method record (the page edits whole parts). */
  'method.update': { request: z.object({ cycleId: Id, patch: MethodPatch }).strict(), response: MethodView },
  /** (Re)generates an agenda from the analysis, keeping the user's edits to the previous one. */
  'method.buildInterviewAgenda': { request: z.object({ cycleId: Id }).strict(), response: MethodView },
  'method.buildReflectionAgenda': { request: z.object({ cycleId: Id }).strict(), response: MethodView },
  'review.playlist': {
    request: z.object({ cycleId: Id, source: PlaylistSource }).strict(),
    response: z.array(PlaylistEntry),
  },
  /** The report of a cycle or of its whole trajectory, pseudonymised, for the preview. */
  'report.preview': {
    /** includeStills: a still frame after each fragment to replay (taken by ffmpeg, cached). */
    request: z
      .object({
        cycleId: Id,
        scope: ReportScope,
        lang: Language.optional(),
        includeStills: z.boolean().optional(),
        /** includeAlignment: how far the researchers aligned their analyses, and their agreement per theme. */
        includeAlignment: z.boolean().optional(),
      })
      .strict(),
    response: z.object({
      html: z.string(),
      warnings: z.array(z.string()),
      document: ReportDocument,
      /** The picture of each image block, by stillId: a page URL (`/media/<recording id>/still-….jpg`). */
      stills: z.record(z.string(), z.string()),
    }),
  },
  /** Builds the report, asks main's save dialog where to put it, writes it. path null: the user cancelled. */
  'report.export': {
    request: z
      .object({
        cycleId: Id,
        scope: ReportScope,
        format: ReportFormat,
        lang: Language.optional(),
        includeStills: z.boolean().optional(),
        includeAlignment: z.boolean().optional(),
      })
      .strict(),
    response: z.object({ path: z.string().nullable() }),
  },
  /** The trajectory's background text, with which the report opens. */
  'report.background.get': { request: z.object({ trajectoryId: Id }).strict(), response: z.object({ text: z.string() }) },
  'report.background.set': {
    request: z.object({ trajectoryId: Id, text: ReportBackground }).strict(),
    response: z.object({ text: z.string() }),
  },
  /** The trajectory's pseudonymisation list: names and what they become in every export. */
  'pseudonyms.get': { request: z.object({ trajectoryId: Id }).strict(), response: PseudonymList },
  'pseudonyms.set': { request: z.object({ trajectoryId: Id, list: PseudonymList }).strict(), response: PseudonymList },

  /** Counts and sizes for the exports panel of a cycle. */
  'exchange.info': { request: z.object({ cycleId: Id }).strict(), response: ExchangeInfo },
  /** CSV of the cycle, or ELAN/WebVTT/SRT of one recording, pseudonymised; main asks where to save. path null: cancelled. */
  'exchange.exportFile': {
    request: z
      .object({ cycleId: Id, format: ExchangeFormat, recordingId: Id.optional(), separator: z.enum([';', ',']).optional() })
      .strict(),
    response: z.object({ path: z.string().nullable() }),
  },
  /** Main asks for a .vtt/.srt/.eaf file and reads it; nothing is stored yet. */
  'exchange.previewTranscript': { request: z.object({ recordingId: Id }).strict(), response: TranscriptPreview },
  /** Stores the reviewed lines of a previewed transcript in the recording, all or nothing. */
  'exchange.importTranscript': {
    request: z
      .object({
        recordingId: Id,
        notes: z.array(TranscriptNoteDraft).max(MAX_TRANSCRIPT_LINES),
        fragments: z.array(TranscriptFragmentDraft).max(MAX_TRANSCRIPT_FRAGMENTS),
      })
      .strict(),
    response: z.object({ notes: z.number().int(), fragments: z.number().int() }),
  },
  /** A project archive (.vkz) of a trajectory or one cycle; main asks where to save. path null: cancelled. */
  'exchange.exportArchive': {
    request: z.object({ scope: ArchiveExportScope, kind: ArchiveKind, includeMedia: z.boolean() }).strict(),
    response: z.object({
      path: z.string().nullable(),
      sizeBytes: z.number(),
      mediaFiles: z.number().int(),
      missingMedia: z.array(z.string()),
      /** Pieces of "niet delen" feedback left out (archive for others). */
      withheld: z.number().int(),
    }),
  },
  /** Main asks for a .vkz file, checks it and merges it. null: the user cancelled the dialog. */
  'exchange.importArchive': { request: Empty, response: ArchiveImportSummary.nullable() },
  /** How far the running archive export or import, or transcript reading, is (bytes); null when none runs. The page polls it. */
  'exchange.progress': {
    request: Empty,
    response: z
      .object({ operation: z.enum(['export-archive', 'import-archive', 'preview-transcript']), done: z.number(), total: z.number() })
      .nullable(),
  },
  /** Stops the archive export or import, or the transcript reading, that is running. */
  'exchange.cancel': { request: Empty, response: z.object({ cancelled: z.boolean() }) },
  /** Conflicts from earlier imports still waiting for a choice. */
  'exchange.conflicts': { request: Empty, response: z.array(ExchangeConflict) },
  'exchange.resolveConflicts': {
    request: z
      .object({ choices: z.array(z.object({ id: Id, take: z.enum(['theirs', 'mine']) }).strict()).min(1).max(10_000) })
      .strict(),
    response: z.object({ resolved: z.number().int(), remaining: z.array(ExchangeConflict) }),
  },
  /**
   * Fragment clips as MP4 (H.264/AAC, phone-playable), cut within one frame; main asks where to
   * save: one fragment a file, several a folder. Runs in the background ('clip.progress' events).
   * jobId null: the user cancelled the dialog.
   */
  'clips.export': {
    request: z.object({ fragmentIds: z.array(Id).min(1).max(200), burnTimecode: z.boolean() }).strict(),
    response: ClipJobStarted,
  },
  /** One MP4 of an agenda's fragments in review-playlist order, optionally with title cards. */
  'clips.showreel': {
    request: z
      .object({
        cycleId: Id,
        source: z.enum(['reflection', 'interview']),
        burnTimecode: z.boolean().default(false),
        titleCards: z.boolean().default(true),
      })
      .strict(),
    response: ClipJobStarted,
  },
  /** How the researchers aligned their analyses of the cycle (live decisions, oldest first). */
  'alignment.list': { request: z.object({ cycleId: Id }).strict(), response: z.array(AlignmentDecision) },
  /** Aligns a pair, single fragment or group of notes; makes the joint fragment or note ("samen"). */
  'alignment.decide': {
    request: z
      .object({
        cycleId: Id,
        subject: AlignmentSubject,
        sourceIds: z.array(Id).min(1).max(50),
        action: AlignmentAction,
        takeId: Id.optional(),
        range: RangeChoice.optional(),
        comment: z.string().max(2000).optional(),
      })
      .strict(),
    response: AlignmentDecision,
  },
  /** Edits the joint fragment of a decision (it stays written by "samen"). */
  'alignment.editResult': { request: z.object({ decisionId: Id, patch: FragmentPatch }).strict(), response: Fragment },
  'alignment.setComment': { request: z.object({ decisionId: Id, comment: z.string().max(2000) }).strict(), response: AlignmentDecision },
  /** Undoes a decision: it and its joint record go; the originals were never changed. */
  'alignment.undo': { request: ById, response: Done },
  /** The agreement table of two researchers as CSV, pseudonymised; main asks where to save. */
  'alignment.exportAgreement': {
    request: z
      .object({
        cycleId: Id,
        left: z.string().max(200),
        right: z.string().max(200),
        threshold: z.number().min(0.05).max(1),
        separator: z.enum([';', ',']).optional(),
      })
      .strict(),
    response: z.object({ path: z.string().nullable() }),
  },
  /** What a review package of the reflection agenda or of one theme would hold, and its estimated size. */
  'reviewPackage.plan': { request: z.object({ cycleId: Id, source: PackageSource }).strict(), response: PackagePlan },
  /**
   * Makes the review package (a folder with index.html and clips) in the background, on the clip
   * queue ('clip.progress' events of kind 'package'); main asks where. jobId null: cancelled.
   */
  'reviewPackage.make': {
    request: z
      .object({
        cycleId: Id,
        source: PackageSource,
        leaveOut: z.array(z.string().max(200)).max(1000),
        /** One .zip holding the folder (to send), instead of the folder. */
        asZip: z.boolean().default(false),
      })
      .strict(),
    response: ClipJobStarted,
  },
  /** Main asks for a .vkz-antwoorden file, checks it and adds it to the cycle. null: the user cancelled. */
  'reviewPackage.importAnswers': {
    request: z.object({ cycleId: Id }).strict(),
    response: z
      .object({
        view: MethodView,
        answered: z.number().int(),
        /** Reflection agenda items the case manager wants to discuss, in agenda order. */
        flagged: z.array(z.object({ id: z.string(), title: z.string() })),
        doubtsAdded: z.number().int(),
      })
      .nullable(),
  },
  'clips.cancel': { request: z.object({ jobId: Id }).strict(), response: z.object({ cancelled: z.boolean() }) },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** A request after validation (defaults filled in): what main's handlers receive. */
export type ValidRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const channels = Object.keys(contract) as Channel[];
export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** An error a person can act on: `code` picks the translated text in the UI, `message` is English for logs. */
export interface AppError {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Events pushed from main to the renderer. */
export type AppEvent =
  | {
      type: 'recording.proxy';
      recordingId: string;
      cycleId: string;
      state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
      progress: number;
      error?: string;
    }
  | {
      /** Waveform and thumbnails being computed; 'done': ask 'media.timelineData' for them. */
      type: 'recording.timeline';
      recordingId: string;
      cycleId: string;
      state: TimelineState;
      progress: number;
      keyframeIntervalSec: number | null;
    }
  | {
      /** A clip export or showreel ('clips.export', 'clips.showreel') going on in the background. */
      type: 'clip.progress';
      jobId: string;
      kind: ClipJobKind;
      state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
      progress: number;
      /** The clip file, the folder of a batch, or the showreel file. */
      path?: string;
      /** When done: the files made, each playable in the page at `url` (this session only). */
      clips?: { id: string; fileName: string; url: string }[];
      /** Code of something the user should know, e.g. 'clips.no-burn-in-no-font' (exported without time code). */
      warning?: string;
      error?: string;
      errorCode?: string;
    };

/** The one object the preload (Electron) or the test host's shim puts on `window.vkz`. */
export interface VkzApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** Adds files dropped on the window; only the preload can see their paths. */
  addDroppedFiles(cycleId: string, files: File[]): Promise<Result<AddRecordingsResult>>;
  /** Which shell the page runs in; the page shows nothing different, tests may look. */
  readonly shell: 'electron' | 'test-host';
}
