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
import { CycleMethod, SharedFeedback, TextItem } from './method/model';
import { Framework } from './framework';

const Empty = z.object({}).strict();
const ById = z.object({ id: Id }).strict();
const Done = z.object({ done: z.literal(true) });
const Seconds = z.number().finite().nonnegative();
const Label = z.string().trim().min(1).max(200);

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

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  ffmpeg: z.object({ ok: z.boolean(), detail: z.string() }),
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
    text: z.string().max(20_000).optional(),
    speaker: z.string().max(100).optional(),
  })
  .strict();

const FragmentPatch = z
  .object({
    inSec: Seconds.optional(),
    outSec: Seconds.optional(),
    title: z.string().max(500).optional(),
    note: z.string().max(20_000).optional(),
    valence: Valence.optional(),
    themes: z.array(z.string().max(100)).max(50).optional(),
    forClient: z.boolean().optional(),
    forCaseManager: z.boolean().optional(),
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
  z.object({ kind: z.literal('theme'), themeId: z.string().max(100), audience: z.enum(['case-manager', 'client', 'all']) }),
]);
export type PlaylistSource = z.infer<typeof PlaylistSource>;

const MethodPatch = CycleMethod.omit({ cycleId: true }).partial().strict();

export const contract = {
  'app.info': { request: Empty, response: AppInfo },

  'settings.get': { request: Empty, response: Settings },
  'settings.update': {
    request: z
      .object({
        authorName: z.string().max(200).optional(),
        language: Language.optional(),
        ffmpegPath: z.string().max(4096).optional(),
        ffprobePath: z.string().max(4096).optional(),
      })
      .strict(),
    response: Settings,
  },

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

  'cycles.list': { request: z.object({ trajectoryId: Id }).strict(), response: z.array(Cycle) },
  'cycles.create': {
    request: z
      .object({
        trajectoryId: Id,
        title: z.string().max(200),
        date: z.iso.date().nullable(),
      })
      .strict(),
    response: Cycle,
  },
  'cycles.update': {
    request: z
      .object({ id: Id, title: z.string().max(200).optional(), date: z.iso.date().nullable().optional() })
      .strict(),
    response: Cycle,
  },
  'cycles.delete': { request: ById, response: Done },

  'workspace.get': { request: z.object({ cycleId: Id }).strict(), response: Workspace },

  /** Opens the system file dialog in main; the renderer never sends paths it made up. */
  'recordings.addViaDialog': { request: z.object({ cycleId: Id }).strict(), response: AddRecordingsResult },
  /** Paths of files the user dropped on the window (resolved by the preload, not typed by the page). */
  'recordings.addDropped': {
    request: z.object({ cycleId: Id, paths: z.array(z.string().min(1).max(4096)).min(1).max(50) }).strict(),
    response: AddRecordingsResult,
  },
  'recordings.relocate': { request: ById, response: Recording.nullable() },
  'recordings.remove': { request: ById, response: Done },
  'recordings.reorder': {
    request: z.object({ cycleId: Id, ids: z.array(Id).min(1) }).strict(),
    response: z.array(Recording),
  },
  'recordings.cancelProxy': { request: ById, response: Recording },
  'recordings.retryProxy': { request: ById, response: Recording },

  'notes.create': {
    request: z
      .object({
        recordingId: Id,
        timeSec: Seconds,
        kind: NoteKind,
        text: z.string().max(20_000),
        speaker: z.string().max(100).optional(),
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
        title: z.string().max(500).optional(),
        themes: z.array(z.string().max(100)).max(50).optional(),
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
export type AppEvent = {
  type: 'recording.proxy';
  recordingId: string;
  cycleId: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  error?: string;
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
