// What the Electron shell and the test host run: the backend once the data folder is open, and,
// when it can't be opened, the recovery state that says why and offers what fits (restore a
// backup, choose another data folder, open read-only, try again, quit). It answers the start,
// backup and About channels itself (shared/startup-contract.ts) and passes every other request
// to the backend. Never a silent process: a failure to open is a state the page shows.
import { contract, type Result } from '../../../shared/contract';
import { isStartupChannel, type StartupChannel, type StartupState } from '../../../shared/startup-contract';
import type { ResponseOf, ValidRequestOf } from '../../../shared/contract';
import { createBackend, type Backend, type BackendOptions } from '../backend/backend';
import { toAppError, UserFacingError } from '../backend/errors';
import { BackupSchedule, DEFAULT_BACKUP_INTERVAL_MS } from '../backup/backup-schedule';
import { createBackup, listBackups, restoreBackup } from '../backup/backups';
import { aboutInfo } from './about-info';
import { startupFailureOf, type StartupFailure } from './startup-failure';

export interface RuntimeOptions extends Omit<BackendOptions, 'readOnly'> {
  /** Shows the shell's folder dialog; the chosen folder, or null when cancelled. */
  pickDataFolder(): Promise<string | null>;
  /** Ends the app (Electron: app.quit; test host: the process exits). */
  quit(): void;
  /** The user chose another data folder and it opened: the shell may remember it. */
  onDataFolderChanged?(dataDir: string): void;
  backupIntervalMs?: number;
  /** Versions only the shell knows (Electron, Chromium). */
  shellVersions?: { electron?: string; chromium?: string };
}

export interface AppRuntime {
  handle(channel: unknown, request: unknown): Promise<Result<unknown>>;
  /** Files dropped on the window (the shell's own drop channel), once the data is open. */
  addDropped(request: unknown): Promise<Result<unknown>>;
  resolveMediaPath(recordingId: string): string | null;
  resolveTimelineFile(recordingId: string, file: string): string | null;
  resolveClipPath(clipId: string): string | null;
  idle(): Promise<void>;
  state(): StartupState;
  /** The backend while the data is open (tests, the shell's quit). */
  readonly backend: Backend | null;
  close(): Promise<void>;
}

type RuntimeHandlers = {
  [C in StartupChannel]: (request: ValidRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

export function createAppRuntime(options: RuntimeOptions): AppRuntime {
  let dataDir = options.dataDir;
  let backend: Backend | null = null;
  let schedule: BackupSchedule | null = null;
  let failure: StartupFailure | null = null;
  let readOnly = false;

  const open = (dir: string, asReadOnly: boolean): StartupState => {
    try {
      const opened = createBackend({ ...options, dataDir: dir, readOnly: asReadOnly });
      backend = opened;
      dataDir = dir;
      readOnly = asReadOnly;
      failure = null;
      if (!asReadOnly) {
        schedule = new BackupSchedule(opened.store, dir, options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS);
        schedule.start();
      }
    } catch (error) {
      failure = startupFailureOf(error);
      dataDir = dir;
      console.error(`[startup] cannot open the data folder ${dir}: ${failure.message}`);
    }
    return state();
  };

  const shutDownBackend = async () => {
    await schedule?.stop();
    schedule = null;
    backend?.close();
    backend = null;
  };

  const state = (): StartupState =>
    failure
      ? { state: 'failed', dataDir, failure: { code: failure.code, message: failure.message }, backups: listBackups(dataDir) }
      : { state: 'ready', dataDir, readOnly };

  const requireOpen = (): Backend => {
    if (!backend) throw new UserFacingError('startup.not-open', 'The data is not open.');
    return backend;
  };

  const handlers: RuntimeHandlers = {
    'app.startup': () => state(),
    'app.about': () => aboutInfo({ appVersion: options.appVersion, backend, shellVersions: options.shellVersions }),
    'backups.list': () => listBackups(dataDir),
    'backups.create': () => {
      requireOpen();
      if (readOnly) throw new UserFacingError('store.read-only', 'The data is open read-only.');
      return schedule ? schedule.backUpNow() : createBackup(dataDir);
    },
    'backups.restore': async ({ id }) => {
      if (readOnly) throw new UserFacingError('store.read-only', 'The data is open read-only.');
      // A locked folder belongs to another VKZ: never replace its database under it.
      if (failure?.code === 'locked') throw new UserFacingError('startup.locked', 'Another VKZ has this data folder open.');
      await shutDownBackend();
      try {
        restoreBackup(dataDir, id);
      } catch (error) {
        // The backup was refused before anything moved: open what was there again.
        open(dataDir, false);
        throw error;
      }
      return open(dataDir, false);
    },
    'startup.retry': async () => {
      await shutDownBackend();
      return open(dataDir, false);
    },
    'startup.chooseDataFolder': async () => {
      const chosen = await options.pickDataFolder();
      if (!chosen) return state();
      await shutDownBackend();
      const result = open(chosen, false);
      if (result.state === 'ready') options.onDataFolderChanged?.(chosen);
      return result;
    },
    'startup.openReadOnly': async () => {
      if (failure?.code !== 'newer-version') {
        throw new UserFacingError('startup.read-only-not-offered', 'Read-only opening is only for data of a newer VKZ.');
      }
      return open(dataDir, true);
    },
    'startup.quit': () => {
      setImmediate(() => options.quit());
      return { done: true as const };
    },
  };

  open(dataDir, false);

  return {
    async handle(channel, request) {
      if (typeof channel === 'string' && isStartupChannel(channel)) {
        try {
          const parsed = contract[channel].request.parse(request ?? {});
          const handler = handlers[channel] as (req: unknown) => unknown;
          return { ok: true, value: await handler(parsed) };
        } catch (error) {
          const appError = toAppError(error);
          if (appError.code === 'internal') console.error(`[runtime] ${channel} failed:`, error);
          return { ok: false, error: appError };
        }
      }
      if (!backend) {
        return { ok: false, error: { code: 'startup.not-open', message: 'The data is not open.' } };
      }
      return backend.handle(channel, request);
    },
    addDropped: async (request) =>
      backend ? backend.addDropped(request) : { ok: false, error: { code: 'startup.not-open', message: 'The data is not open.' } },
    resolveMediaPath: (id) => backend?.resolveMediaPath(id) ?? null,
    resolveTimelineFile: (id, file) => backend?.resolveTimelineFile(id, file) ?? null,
    resolveClipPath: (id) => backend?.resolveClipPath(id) ?? null,
    idle: async () => backend?.idle(),
    state,
    get backend() {
      return backend;
    },
    close: shutDownBackend,
  };
}
