// The channels that answer even when the data could not be opened: the start state (ready, or
// why not and what the user can do), backups, the recovery choices and the About dialog. They
// are answered by the app runtime (electron/services/startup/app-runtime.ts), which holds the
// backend once the data is open. Part of the one contract (shared/contract.ts).
import { z } from 'zod';

const Empty = z.object({}).strict();

/** Why the data could not be opened (electron/services/store/store-error.ts codes). */
export const StartupFailureCode = z.enum(['corrupt', 'newer-version', 'no-access', 'disk-full', 'locked', 'open-failed']);
export type StartupFailureCode = z.infer<typeof StartupFailureCode>;

export const BackupInfo = z.object({
  /** The backup's file name in `<data>/backups/`: the only handle the page gets. */
  id: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** null when the backup itself can't be read. */
  counts: z.object({ trajectories: z.number().int(), notes: z.number().int(), fragments: z.number().int() }).nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const StartupState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), dataDir: z.string(), readOnly: z.boolean() }),
  z.object({
    state: z.literal('failed'),
    dataDir: z.string(),
    failure: z.object({ code: StartupFailureCode, message: z.string() }),
    backups: z.array(BackupInfo),
  }),
]);
export type StartupState = z.infer<typeof StartupState>;

/** The ffmpeg or ffprobe build in use (Settings and About). */
export const MediaToolInfo = z.object({
  tool: z.enum(['ffmpeg', 'ffprobe']),
  path: z.string(),
  source: z.enum(['setting', 'environment', 'bundled', 'path']),
  version: z.string(),
  buildYear: z.number().int().nullable(),
  licence: z.string(),
});
export type MediaToolInfo = z.infer<typeof MediaToolInfo>;

export const AboutComponent = z.object({ name: z.string(), version: z.string(), licence: z.string() });
/** A licence as its own file says it (the one shipped with a bundled ffmpeg build). */
export const LicenceText = z.object({ title: z.string(), text: z.string() });
export const AboutInfo = z.object({
  components: z.array(AboutComponent),
  /** The ffmpeg in use: where it is, the licence it reports, and whether a licence file came with it (licenceTexts). */
  ffmpeg: z.object({ path: z.string(), licence: z.string(), licenceFileShipped: z.boolean() }).nullable(),
  licenceTexts: z.array(LicenceText),
});
export type AboutInfo = z.infer<typeof AboutInfo>;

export const startupContract = {
  /** Ready (and whether read-only), or why the data can't be opened, with the backups to offer. */
  'app.startup': { request: Empty, response: StartupState },
  'app.about': { request: Empty, response: AboutInfo },
  'backups.list': { request: Empty, response: z.array(BackupInfo) },
  'backups.create': { request: Empty, response: BackupInfo },
  /** Sets the current database aside, puts the backup in its place and opens it. */
  'backups.restore': { request: z.object({ id: z.string().max(200) }).strict(), response: StartupState },
  'startup.retry': { request: Empty, response: StartupState },
  /** Lets the user pick another data folder and opens that; unchanged when cancelled. */
  'startup.chooseDataFolder': { request: Empty, response: StartupState },
  /** Opens data written by a newer VKZ without changing it. */
  'startup.openReadOnly': { request: Empty, response: StartupState },
  'startup.quit': { request: Empty, response: z.object({ done: z.literal(true) }) },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type StartupChannel = keyof typeof startupContract;

export function isStartupChannel(channel: string): channel is StartupChannel {
  return Object.hasOwn(startupContract, channel);
}
