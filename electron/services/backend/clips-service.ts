// Fragment clips and showreels: which files to cut, what to call them (pseudonymised), where
// to put them (main's save dialog), and a background queue of its own (one ffmpeg at a time)
// whose progress reaches the page as 'clip.progress' events. The clips exported in this session
// can be previewed in the page: each gets an opaque id that the media protocol serves as
// `/clips/<id>`; nothing else is served under that prefix.
//
// One export request is one job: a single clip, a batch (one file per fragment, in a folder the
// user names in the save dialog), or a showreel. Cancel or failure removes everything that job
// wrote, so a job either delivers all its files or none.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppError, AppEvent, ClipJobKind, PlaylistEntry, PlaylistSource } from '../../../shared/contract';
import type { Fragment, Language, MediaInfo } from '../../../shared/domain';
import { createPseudonymiser } from '../../../shared/exchange/pseudonymise';
import { localText, themeById, type Framework } from '../../../shared/framework';
import { recordingLabel } from '../../../shared/method/replay-labels';
import { formatTimeRange } from '../../../shared/timecode';
import { loadFrameworks } from '../frameworks/load-frameworks';
import { JobQueue, probeMedia, type JobEvent, type MediaBinaries } from '../media';
import { ClipRangeError, planClipCut } from '../media/clip-args';
import { exportClip, findTimecodeBurnIn } from '../media/clip';
import { exportShowreel, type ShowreelPart } from '../media/showreel';
import type { Store } from '../store';
import { toAppError, UserFacingError } from './errors';
import type { ExportRecord, RecordExport } from './export-log-service';

const DEFAULT_FRAMEWORK_ID = 'kijkwijzer';
/** Where the page finds an exported clip; app-request.ts serves this prefix through resolveClipPath. */
export const CLIP_URL_PREFIX = '/clips/';
const MAX_NAME_CHARS = 120;

export interface ClipSavePathRequest {
  defaultName: string;
  extensions: string[];
}

export interface ClipsServiceOptions {
  store: Store;
  resourcesPath: string;
  dataDir: string;
  binaries: () => Promise<MediaBinaries>;
  emit: (event: AppEvent) => void;
  /** The shell's save dialog; null when the user cancelled. Without it, exports are refused. */
  pickSavePath?: (options: ClipSavePathRequest) => Promise<string | null>;
  /** The agenda's review playlist (MethodService.playlist). */
  playlist: (cycleId: string, source: PlaylistSource) => Promise<PlaylistEntry[]>;
  /** The export log: told once a job's files are all written. */
  recordExport?: RecordExport;
}

/** Texts that end up inside exported files (names, title cards), like the report's phrases. */
const PHRASES = {
  fragment: { nl: 'fragment', en: 'fragment' },
  clipsFolder: { nl: 'Clips {trajectory} - {cycle}', en: 'Clips {trajectory} - {cycle}' },
  showreel: { nl: 'Showreel {trajectory} - {cycle} - {source}', en: 'Showreel {trajectory} - {cycle} - {source}' },
  reflection: { nl: 'reflectiegesprek', en: 'reflection meeting' },
  interview: { nl: 'cliëntinterview', en: 'client interview' },
  cardPosition: { nl: 'Fragment {n} van {total}', en: 'Fragment {n} of {total}' },
  cycle: { nl: 'Gesprek {n}', en: 'Conversation {n}' },
} as const satisfies Record<string, Record<Language, string>>;

function phrase(key: keyof typeof PHRASES, lang: Language, params: Record<string, string | number> = {}): string {
  return PHRASES[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Characters no file system likes in a name, runs of spaces, and a length limit. */
export function safeFileName(name: string): string {
  return name
    .replace(/[\\/:|\u0000-\u001f]/g, '-')
    .replace(/[*?"<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, MAX_NAME_CHARS)
    .trim();
}

/** "6m00s-6m30s", "1h02m03s-1h02m10s": a range for a file name (no ':' allowed there). */
export function fileNameRange(inSec: number, outSec: number): string {
  const part = (sec: number) => {
    const whole = Math.max(0, Math.floor(sec + 1e-6));
    const h = Math.floor(whole / 3600);
    const m = Math.floor((whole % 3600) / 60);
    const s = String(whole % 60).padStart(2, '0');
    return h > 0 ? `${h}h${String(m).padStart(2, '0')}m${s}s` : `${m}m${s}s`;
  };
  return `${part(inSec)}-${part(outSec)}`;
}

interface Source {
  file: string;
  info: MediaInfo;
}

interface PlannedClip {
  fragment: Fragment;
  source: Source;
  fileName: string;
  label: string | null;
}

interface ClipJob {
  kind: ClipJobKind;
  /** Removes what the job made besides its files (a batch folder it created). */
  cleanup?: () => Promise<void>;
  /** The clip or showreel file, or the folder of a batch. */
  target: string;
  files: { id: string; path: string; fileName: string }[];
  warning?: string;
  error?: AppError;
  /** For the export log, once done. */
  logged: Omit<ExportRecord, 'destination'>;
}

export class ClipsService {
  private readonly queue = new JobQueue({ concurrency: 1 });
  private readonly jobs = new Map<string, ClipJob>();
  /** Clip id -> file, for the preview; only files this session exported. */
  private readonly exported = new Map<string, string>();

  constructor(private readonly opts: ClipsServiceOptions) {
    this.queue.onEvent((event) => this.onJobEvent(event));
  }

  /** The file behind `/clips/<id>`, or null: only clips exported in this session that still exist. */
  resolveClipPath(id: string): string | null {
    const file = this.exported.get(id);
    return file && existsSync(file) ? file : null;
  }

  cancel(jobId: string): { cancelled: boolean } {
    return { cancelled: this.queue.cancel(jobId) };
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  close(): void {
    for (const jobId of this.jobs.keys()) this.queue.cancel(jobId);
  }

  /**
   * One fragment: a file the user names in the save dialog. Several: a folder the user names,
   * one file per fragment ("01 Echtheid 6m00s-6m30s.mp4"). jobId null: the user cancelled.
   */
  async exportFragments(fragmentIds: string[], burnTimecode: boolean): Promise<{ jobId: string | null; path: string | null }> {
    const pickSavePath = this.requireSaveDialog();
    const ids = [...new Set(fragmentIds)];
    const fragments = ids.map((id) => {
      const fragment = this.opts.store.fragments.get(id);
      if (!fragment) throw new UserFacingError('fragment.not-found', `No fragment ${id}`);
      return fragment;
    });
    const cycleId = fragments[0]!.cycleId;
    if (fragments.some((f) => f.cycleId !== cycleId)) {
      throw new UserFacingError('clips.mixed-cycles', 'Clips in one export must come from one cycle');
    }
    const context = this.cycleContext(cycleId);
    const framework = await this.framework(cycleId);
    const planned: PlannedClip[] = [];
    for (const [index, fragment] of fragments.entries()) {
      const source = await this.sourceFor(fragment.recordingId);
      this.checkRange(fragment, source.info);
      const video = recordingLabel(context.recordings, fragment.recordingId, context.lang);
      const title =
        fragment.title.trim() ||
        firstThemeLabel(fragment, framework, context.lang) ||
        phrase('fragment', context.lang);
      const number = fragments.length > 1 ? `${String(index + 1).padStart(2, '0')} ` : '';
      const base = `${number}${context.pseudonymise(title.slice(0, 60))}${video ? ` ${video}` : ''} ${fileNameRange(fragment.inSec, fragment.outSec)}`;
      planned.push({ fragment, source, fileName: `${safeFileName(base)}.mp4`, label: video });
    }
    for (const clip of planned) context.assertNoNames(clip.fileName);

    const single = planned.length === 1;
    const defaultName = single
      ? planned[0]!.fileName
      : safeFileName(context.pseudonymise(phrase('clipsFolder', context.lang, { trajectory: context.trajectoryLabel, cycle: context.cycleLabel })));
    context.assertNoNames(defaultName);
    // A batch goes into a folder: the dialog names it, any name is fine ('*').
    const chosen = await pickSavePath({ defaultName, extensions: single ? ['mp4'] : ['*'] });
    if (!chosen) return { jobId: null, path: null };
    const target = single && path.extname(chosen).toLowerCase() !== '.mp4' ? `${chosen}.mp4` : chosen;
    if (!single && (await stat(target).catch(() => null))?.isFile()) {
      throw new UserFacingError('clips.folder-is-file', `A file, not a folder, is in the way: ${target}`, { path: target });
    }

    const burnIn = burnTimecode ? await findTimecodeBurnIn(await this.opts.binaries()) : null;
    const jobId = randomUUID();
    const job: ClipJob = {
      kind: 'clips',
      target,
      files: [],
      logged: { trajectoryId: context.trajectoryId, what: 'clips', scope: `cycle:${context.cycleNumber}/fragments:${planned.length}`, format: 'mp4' },
      ...(burnIn && !burnIn.ok ? { warning: `clips.no-burn-in-${burnIn.reason}` } : {}),
    };
    this.jobs.set(jobId, job);
    const totalSec = planned.reduce((sum, c) => sum + planClipCut(c.fragment, c.source.info).durationSec, 0);

    this.queue.enqueue(jobId, (signal, onProgress) =>
      this.runJob(job, async () => {
        const bin = await this.opts.binaries();
        let folderCreated = false;
        if (!single) folderCreated = await ensureFolder(target);
        job.cleanup = async () => {
          if (folderCreated) await rmdir(target).catch(() => undefined);
        };
        let doneSec = 0;
        const taken = new Set<string>();
        for (const clip of planned) {
          const output = single ? target : await freeFileName(target, clip.fileName, taken);
          const { cut } = await exportClip(bin, {
            input: clip.source.file,
            output,
            info: clip.source.info,
            range: clip.fragment,
            burnIn: burnIn?.ok ? { fontFile: burnIn.fontFile, label: clip.label } : null,
            signal,
            onProgress: (f) => onProgress((doneSec + f * planClipCut(clip.fragment, clip.source.info).durationSec) / totalSec),
          });
          doneSec += cut.durationSec;
          job.files.push({ id: randomUUID(), path: output, fileName: path.basename(output) });
        }
      }),
    );
    return { jobId, path: target };
  }

  /** One MP4 of an agenda's fragments in playlist order, with title cards; jobId null: cancelled. */
  async exportShowreel(
    cycleId: string,
    source: 'reflection' | 'interview',
    options: { burnTimecode: boolean; titleCards: boolean },
  ): Promise<{ jobId: string | null; path: string | null }> {
    const pickSavePath = this.requireSaveDialog();
    const context = this.cycleContext(cycleId);
    const entries = await this.opts.playlist(cycleId, { kind: source });
    if (entries.length === 0) {
      throw new UserFacingError('clips.showreel-empty', 'The agenda has no fragments to put in a showreel');
    }
    const parts: ShowreelPart[] = [];
    for (const [index, entry] of entries.entries()) {
      const src = await this.sourceFor(entry.recordingId);
      this.checkRange(entry, src.info);
      const range = formatTimeRange(entry.inSec, entry.outSec);
      const card = [
        phrase('cardPosition', context.lang, { n: index + 1, total: entries.length }),
        entry.recordingLabel ? `${range} (${entry.recordingLabel})` : range,
        context.pseudonymise(entry.title),
      ].filter((line) => line.trim() !== '');
      for (const line of card) context.assertNoNames(line);
      parts.push({
        input: src.file,
        info: src.info,
        range: { inSec: entry.inSec, outSec: entry.outSec },
        ...(options.titleCards ? { card } : {}),
        label: entry.recordingLabel,
      });
    }
    const defaultName = `${safeFileName(
      context.pseudonymise(
        phrase('showreel', context.lang, {
          trajectory: context.trajectoryLabel,
          cycle: context.cycleLabel,
          source: phrase(source, context.lang),
        }),
      ),
    )}.mp4`;
    context.assertNoNames(defaultName);
    const chosen = await pickSavePath({ defaultName, extensions: ['mp4'] });
    if (!chosen) return { jobId: null, path: null };
    const target = path.extname(chosen).toLowerCase() === '.mp4' ? chosen : `${chosen}.mp4`;

    const needsFont = options.burnTimecode || options.titleCards;
    const drawing = needsFont ? await findTimecodeBurnIn(await this.opts.binaries()) : null;
    const jobId = randomUUID();
    const job: ClipJob = {
      kind: 'showreel',
      target,
      files: [],
      logged: { trajectoryId: context.trajectoryId, what: 'showreel', scope: `cycle:${context.cycleNumber}/fragments:${parts.length}`, format: 'mp4' },
      ...(drawing && !drawing.ok ? { warning: `clips.no-burn-in-${drawing.reason}` } : {}),
    };
    this.jobs.set(jobId, job);
    this.queue.enqueue(jobId, (signal, onProgress) =>
      this.runJob(job, async () => {
        await exportShowreel(await this.opts.binaries(), {
          parts,
          output: target,
          fontFile: drawing?.ok ? drawing.fontFile : null,
          burnTimecode: options.burnTimecode,
          signal,
          onProgress,
        });
        job.files.push({ id: randomUUID(), path: target, fileName: path.basename(target) });
      }),
    );
    return { jobId, path: target };
  }

  /**
   * Runs another service's work (a review package) as a job of this queue: one ffmpeg at a time,
   * the same 'clip.progress' events, cancel through 'clips.cancel'. The work cleans up after itself.
   */
  startJob(
    kind: ClipJobKind,
    target: string,
    logged: Omit<ExportRecord, 'destination'>,
    work: (signal: AbortSignal, onProgress: (fraction: number) => void) => Promise<void>,
  ): string {
    const jobId = randomUUID();
    const job: ClipJob = { kind, target, files: [], logged };
    this.jobs.set(jobId, job);
    this.queue.enqueue(jobId, (signal, onProgress) => this.runJob(job, () => work(signal, onProgress)));
    return jobId;
  }

  /** Runs a job's work; on failure or cancel removes what it wrote and keeps the error for the event. */
  private async runJob(job: ClipJob, work: () => Promise<void>): Promise<void> {
    try {
      await work();
      for (const file of job.files) this.exported.set(file.id, file.path);
      this.opts.recordExport?.({ ...job.logged, destination: job.target });
    } catch (error) {
      job.error = toAppError(error);
      await Promise.all(job.files.map((f) => rm(f.path, { force: true }).catch(() => undefined)));
      job.files = [];
      await job.cleanup?.();
      throw error;
    }
  }

  private onJobEvent(event: JobEvent): void {
    const job = this.jobs.get(event.key);
    if (!job) return;
    const appEvent: Extract<AppEvent, { type: 'clip.progress' }> = {
      type: 'clip.progress',
      jobId: event.key,
      kind: job.kind,
      state: event.state,
      progress: event.progress,
      path: job.target,
    };
    if (job.warning) appEvent.warning = job.warning;
    if (event.state === 'done') {
      appEvent.clips = job.files.map((f) => ({ id: f.id, fileName: f.fileName, url: `${CLIP_URL_PREFIX}${f.id}` }));
    }
    if (event.state === 'failed') {
      appEvent.error = job.error?.message ?? event.error ?? 'failed';
      appEvent.errorCode = job.error?.code ?? 'internal';
    }
    if (event.state === 'done' || event.state === 'failed' || event.state === 'cancelled') this.jobs.delete(event.key);
    this.opts.emit(appEvent);
  }

  private requireSaveDialog() {
    const pick = this.opts.pickSavePath;
    if (!pick) throw new UserFacingError('clips.no-save-dialog', 'This shell has no save dialog');
    return pick;
  }

  checkRange(range: { inSec: number; outSec: number }, info: MediaInfo): void {
    try {
      planClipCut(range, info);
    } catch (error) {
      if (error instanceof ClipRangeError) {
        throw new UserFacingError('clips.empty-range', error.message, { range: formatTimeRange(range.inSec, range.outSec) });
      }
      throw error;
    }
  }

  /** The file to cut: the original; its proxy (same timeline) when the original is gone. */
  async sourceFor(recordingId: string): Promise<Source> {
    const row = this.opts.store.recordings.get(recordingId);
    if (!row) throw new UserFacingError('recording.not-found', `No recording ${recordingId}`);
    if (await isFile(row.filePath)) return { file: row.filePath, info: row.media };
    if (row.proxyPath && (await isFile(row.proxyPath))) {
      return { file: row.proxyPath, info: await probeMedia(await this.opts.binaries(), row.proxyPath) };
    }
    throw new UserFacingError('clips.recording-missing', `The recording is not there: ${row.filePath}`, { file: row.fileName });
  }

  /** Names and pseudonymisation for the files of a cycle's exports (also the review package's folder name). */
  cycleContext(cycleId: string) {
    const { store } = this.opts;
    const cycle = store.cycles.get(cycleId);
    if (!cycle) throw new UserFacingError('cycle.not-found', `No cycle ${cycleId}`);
    const trajectory = store.trajectories.get(cycle.trajectoryId);
    if (!trajectory) throw new UserFacingError('trajectory.not-found', `No trajectory ${cycle.trajectoryId}`);
    const lang = store.settings.get().language;
    const pseudonymiser = createPseudonymiser(store.reportSettings.get(trajectory.id).pseudonyms);
    return {
      lang,
      trajectoryId: trajectory.id,
      cycleNumber: cycle.number,
      recordings: store.recordings.listByCycle(cycleId),
      trajectoryLabel: `${trajectory.caseManager} · ${trajectory.client}`,
      cycleLabel: cycle.title.trim() || phrase('cycle', lang, { n: cycle.number }),
      pseudonymise: (text: string) => pseudonymiser.pseudonymise(text),
      assertNoNames(text: string) {
        const found = pseudonymiser.findListedNames(text);
        if (found.length > 0) {
          throw new UserFacingError('clips.name-left', `"${text}" would still contain ${found.join(', ')}`, { names: found.join(', ') });
        }
      },
    };
  }

  private async framework(cycleId: string): Promise<Framework> {
    const id = this.opts.store.methods.get(cycleId)?.frameworkId ?? DEFAULT_FRAMEWORK_ID;
    const { frameworks } = await loadFrameworks(
      path.join(this.opts.resourcesPath, 'frameworks'),
      path.join(this.opts.dataDir, 'frameworks'),
    );
    const found = frameworks.find((f) => f.id === id) ?? frameworks.find((f) => f.id === DEFAULT_FRAMEWORK_ID) ?? frameworks[0];
    if (!found) throw new UserFacingError('framework.not-found', `No framework ${id}`);
    return found;
  }
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isFile() ?? false;
}

/** Makes the batch folder; true when it did not exist. A file of that name is an error. */
async function ensureFolder(folder: string): Promise<boolean> {
  const existing = await stat(folder).catch(() => null);
  if (existing?.isDirectory()) return false;
  if (existing) throw new UserFacingError('clips.folder-is-file', `A file, not a folder, is in the way: ${folder}`, { path: folder });
  await mkdir(folder, { recursive: true });
  return true;
}

/** `name.mp4`, or `name (2).mp4` ... when a file of that name is already in the folder. */
async function freeFileName(folder: string, fileName: string, taken: Set<string>): Promise<string> {
  const ext = path.extname(fileName);
  const stem = path.basename(fileName, ext);
  for (let n = 1; ; n++) {
    const candidate = path.join(folder, n === 1 ? fileName : `${stem} (${n})${ext}`);
    if (!taken.has(candidate) && !(await stat(candidate).catch(() => null))) {
      taken.add(candidate);
      return candidate;
    }
  }
}

function firstThemeLabel(fragment: Fragment, framework: Framework, lang: Language): string {
  for (const id of fragment.themes) {
    const theme = themeById(framework, id);
    if (theme) return localText(theme.short, lang);
  }
  return '';
}
