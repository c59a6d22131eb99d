// The domain model shared by main and renderer: zod schemas are the single source of truth,
// the TypeScript types are inferred from them. No Node or Electron imports here.
import { z } from 'zod';

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** Fields every stored record carries, so two researchers' work can be merged later. */
const Stamped = {
  id: Id,
  createdAt: z.string(),
  updatedAt: z.string(),
  author: z.string(),
};

export const Language = z.enum(['nl', 'en']);
export type Language = z.infer<typeof Language>;

export const Settings = z.object({
  authorName: z.string(),
  language: Language,
  /** Optional user-chosen binaries; empty means: environment, bundled, then PATH. */
  ffmpegPath: z.string(),
  ffprobePath: z.string(),
});
export type Settings = z.infer<typeof Settings>;

export const Trajectory = z.object({
  ...Stamped,
  /** Pseudonymous labels, e.g. "KM-3" and "Cliënt A". */
  caseManager: z.string(),
  client: z.string(),
  cycleCount: z.number().int(),
});
export type Trajectory = z.infer<typeof Trajectory>;

export const Cycle = z.object({
  ...Stamped,
  trajectoryId: Id,
  /** 1, 2, 3 ... in the order the conversations were recorded. */
  number: z.number().int().positive(),
  title: z.string(),
  /** Date of the recorded conversation, YYYY-MM-DD, or null when not known yet. */
  date: z.string().nullable(),
});
export type Cycle = z.infer<typeof Cycle>;

/** What ffprobe found in a media file (see electron/services/media/probe). */
export const MediaInfo = z.object({
  durationSec: z.number().nonnegative(),
  formatName: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  video: z
    .object({
      codec: z.string(),
      profile: z.string().nullable(),
      width: z.number().int(),
      height: z.number().int(),
      pixFmt: z.string().nullable(),
      /** Average frame rate in frames per second. */
      fps: z.number(),
      /** True when r_frame_rate and avg_frame_rate disagree (phone video). */
      variableFrameRate: z.boolean(),
    })
    .nullable(),
  audio: z
    .object({
      codec: z.string(),
      channels: z.number().int(),
      sampleRate: z.number().int(),
    })
    .nullable(),
});
export type MediaInfo = z.infer<typeof MediaInfo>;

export const ProxyState = z.enum(['not-needed', 'queued', 'running', 'done', 'failed', 'cancelled']);
export type ProxyState = z.infer<typeof ProxyState>;

export const Recording = z.object({
  ...Stamped,
  cycleId: Id,
  /** 1 for "video 1", 2 for "video 2" ... */
  position: z.number().int().positive(),
  fileName: z.string(),
  /** Shown to the user; the renderer never uses it to load media. */
  filePath: z.string(),
  media: MediaInfo,
  /** Why the player can't play the original, or null when it can. */
  proxyReason: z.string().nullable(),
  proxyState: ProxyState,
  proxyProgress: z.number().min(0).max(1),
  proxyError: z.string().nullable(),
  /** The original file is no longer where it was. */
  missing: z.boolean(),
  /** Opaque URL of what the player should load, or null when nothing is playable yet. */
  mediaUrl: z.string().nullable(),
  /** MIME type of what mediaUrl serves, for the player. */
  mediaType: z.string(),
});
export type Recording = z.infer<typeof Recording>;

export const NoteKind = z.enum([
  'transcript',
  'event',
  'observation',
  'question_client',
  'question_case_manager',
]);
export type NoteKind = z.infer<typeof NoteKind>;

export const Note = z.object({
  ...Stamped,
  cycleId: Id,
  recordingId: Id,
  timeSec: z.number().nonnegative(),
  kind: NoteKind,
  text: z.string(),
  /** Who speaks, for transcript lines (e.g. "KM", "C"); empty otherwise. */
  speaker: z.string(),
});
export type Note = z.infer<typeof Note>;

export const Valence = z.enum(['positive', 'concern']);
export type Valence = z.infer<typeof Valence>;

export const Fragment = z.object({
  ...Stamped,
  cycleId: Id,
  recordingId: Id,
  inSec: z.number().nonnegative(),
  outSec: z.number().nonnegative(),
  title: z.string(),
  note: z.string(),
  valence: Valence,
  /** Theme ids from the active framework, e.g. "authenticity". */
  themes: z.array(z.string()),
  /** Marked to replay in the client interview / in the reflection meeting. */
  forClient: z.boolean(),
  forCaseManager: z.boolean(),
  /**
   * The moment of the fragment's still frame in the report (inSec <= stillSec <= outSec);
   * null: the fragment's middle (see stillTimeOf).
   */
  stillSec: z.number().nonnegative().nullable(),
});
export type Fragment = z.infer<typeof Fragment>;

/** Where a fragment's still is taken: its chosen moment, or its middle. */
export function stillTimeOf(fragment: { inSec: number; outSec: number; stillSec?: number | null }): number {
  const { inSec, outSec, stillSec } = fragment;
  if (stillSec !== null && stillSec !== undefined && stillSec >= inSec && stillSec <= outSec) return stillSec;
  return (inSec + outSec) / 2;
}

/**
 * A recording as the store keeps it: without the fields the backend computes when it answers
 * (`missing`, `mediaUrl`, `mediaType`), plus the path of this machine's playable proxy file, if any.
 */
export const StoredRecording = Recording.omit({ missing: true, mediaUrl: true, mediaType: true }).extend({
  proxyPath: z.string().nullable(),
});
export type StoredRecording = z.infer<typeof StoredRecording>;
