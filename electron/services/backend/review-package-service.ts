// Review packages for a case manager: a folder with one index.html (the page template with the
// package's document embedded; opens from disk, no network) and the fragments as phone-playable
// clips. The document is built by shared/review-package (sharing rules, pseudonyms); the clips are
// cut by the clip service's queue, so progress and cancel work like any clip export. The folder
// (or the .zip made of it, one file to send) is written under a temporary name and renamed when
// complete: a package either exists whole or not at all. Answers files that come back are checked and added to the cycle's method record.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MethodView, PackagePlan } from '../../../shared/contract';
import type { Language, MediaInfo } from '../../../shared/domain';
import { PseudonymisationError } from '../../../shared/exchange/pseudonymise';
import { newCycleMethod, withheldFeedbackCount } from '../../../shared/method';
import {
  ANSWERS_EXTENSION,
  AnswersFileError,
  applyAnswers,
  buildReviewPackage,
  MAX_ANSWERS_FILE_BYTES,
  type PackageClipPlan,
  type PackageSource,
  readAnswersFile,
  renderPackagePage,
  ReviewPackageInputError,
  type ReviewPackage,
} from '../../../shared/review-package';
import { estimateClipBytes, planClipCut } from '../media/clip-args';
import { exportClip } from '../media/clip';
import { ZipWriter } from '../exchange/zip-writer';
import type { MediaBinaries } from '../media';
import type { Store } from '../store';
import type { ClipsService } from './clips-service';
import { safeFileName } from './clips-service';
import { UserFacingError } from './errors';
import type { MethodService } from './method-service';

const FOLDER_NAME = { nl: 'Voorbereiding {trajectory} - {cycle}', en: 'Preparation {trajectory} - {cycle}' } as const;

export interface ReviewPackageServiceOptions {
  store: Store;
  resourcesPath: string;
  clips: ClipsService;
  method: MethodService;
  binaries: () => Promise<MediaBinaries>;
  author: () => string;
  pickSavePath?: (options: { defaultName: string; extensions: string[] }) => Promise<string | null>;
  pickOpenFile?: (options: { extensions: string[] }) => Promise<string | null>;
  /** Today as YYYY-MM-DD, and now as ISO (tests may fix them). */
  today?: () => string;
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export class ReviewPackageService {
  constructor(private readonly opts: ReviewPackageServiceOptions) {}

  async plan(cycleId: string, source: PackageSource): Promise<PackagePlan> {
    const { pkg, template } = await this.build(cycleId, source, [], 'plan');
    const counted = new Set<string>();
    const items = [];
    for (const item of pkg.document.items) {
      let estimatedBytes = 0;
      const clip = item.clip ? pkg.clips.find((c) => c.file === item.clip!.file) : undefined;
      if (clip && !counted.has(clip.file)) {
        counted.add(clip.file);
        const row = this.opts.store.recordings.get(clip.recordingId);
        if (row) estimatedBytes = estimateClipBytes(row.media, clip.outSec - clip.inSec);
      }
      items.push({
        id: item.id,
        section: item.section,
        title: item.title,
        clipLabel: item.clip?.label ?? null,
        durationSec: item.clip?.durationSec ?? null,
        estimatedBytes,
      });
    }
    const pageBytes = Buffer.byteLength(renderPackagePage(template, pkg.document));
    return { lang: pkg.document.lang, items, pageBytes };
  }

  /**
   * Makes the package as a folder, or as one .zip holding that folder (one file to send). Asks
   * main's save dialog where; jobId null: the user cancelled.
   */
  async make(
    cycleId: string,
    source: PackageSource,
    leaveOut: string[],
    asZip: boolean,
  ): Promise<{ jobId: string | null; path: string | null }> {
    const pickSavePath = this.opts.pickSavePath;
    if (!pickSavePath) throw new UserFacingError('clips.no-save-dialog', 'This shell has no save dialog');
    const { pkg, template, lang } = await this.build(cycleId, source, leaveOut, randomUUID());
    const names = this.opts.clips.cycleContext(cycleId);
    const { clips } = this.opts;
    const cuts: { plan: PackageClipPlan; src: { file: string; info: MediaInfo }; durationSec: number }[] = [];
    for (const plan of pkg.clips) {
      const src = await clips.sourceFor(plan.recordingId);
      clips.checkRange(plan, src.info);
      cuts.push({ plan, src, durationSec: planClipCut(plan, src.info).durationSec });
    }
    const html = renderPackagePage(template, pkg.document);
    const folderName = safeFileName(names.pseudonymise(fill(FOLDER_NAME[lang], { trajectory: names.trajectoryLabel, cycle: names.cycleLabel })));
    names.assertNoNames(folderName);

    const chosen = await pickSavePath({ defaultName: asZip ? `${folderName}.zip` : folderName, extensions: asZip ? ['zip'] : ['*'] });
    if (!chosen) return { jobId: null, path: null };
    const resolved = path.resolve(chosen);
    const target = asZip && path.extname(resolved).toLowerCase() !== '.zip' ? `${resolved}.zip` : resolved;
    if (await stat(target).catch(() => null)) {
      throw new UserFacingError('package.exists', `Something named ${target} is already there`, { path: target });
    }
    // The folder is written under a temporary name; a zip is made from it and the folder removed.
    const staging = asZip ? `${target}.folder.part` : `${target}.part`;
    const zipPartial = `${target}.part`;

    const totalSec = Math.max(1e-6, cuts.reduce((sum, c) => sum + c.durationSec, 0));
    const cycle = this.opts.store.cycles.get(cycleId);
    const withheld = withheldFeedbackCount(this.opts.store.methods.get(cycleId)?.feedback ?? []);
    const logged = {
      trajectoryId: cycle?.trajectoryId ?? '',
      what: 'review-package' as const,
      scope: `cycle:${cycle?.number ?? ''}`,
      format: asZip ? 'zip' : 'html',
      withheld,
    };
    const jobId = clips.startJob('package', target, logged, async (signal, onProgress) => {
      await rm(staging, { recursive: true, force: true });
      try {
        await mkdir(path.join(staging, 'clips'), { recursive: true });
        await writeFile(path.join(staging, 'index.html'), html, 'utf8');
        let doneSec = 0;
        for (const cut of cuts) {
          await exportClip(await this.opts.binaries(), {
            input: cut.src.file,
            output: path.join(staging, ...cut.plan.file.split('/')),
            info: cut.src.info,
            range: cut.plan,
            signal,
            onProgress: (f) => onProgress((doneSec + f * cut.durationSec) / totalSec),
          });
          doneSec += cut.durationSec;
        }
        if (asZip) {
          const top = path.basename(target, path.extname(target));
          await zipFolder(staging, top, ['index.html', ...cuts.map((c) => c.plan.file)], zipPartial, signal);
          await rename(zipPartial, target);
          await rm(staging, { recursive: true, force: true });
        } else {
          await rename(staging, target);
        }
      } catch (error) {
        await rm(staging, { recursive: true, force: true }).catch(() => undefined);
        if (asZip) await rm(zipPartial, { force: true }).catch(() => undefined);
        throw error;
      }
    });
    return { jobId, path: target };
  }

  /** Asks for an answers file, checks it, and adds it to the cycle. null: the user cancelled. */
  async importAnswers(cycleId: string, view: () => MethodView) {
    const pickOpenFile = this.opts.pickOpenFile;
    if (!pickOpenFile) throw new UserFacingError('exchange.no-dialog', 'This shell has no open dialog');
    if (!this.opts.store.cycles.get(cycleId)) throw new UserFacingError('cycle.not-found', `No cycle ${cycleId}`);
    const file = await pickOpenFile({ extensions: [ANSWERS_EXTENSION] });
    if (!file) return null;
    const size = (await stat(file).catch(() => null))?.size ?? -1;
    if (size < 0) throw new UserFacingError('answers.unreadable', `Cannot read ${file}`);
    if (size > MAX_ANSWERS_FILE_BYTES) throw new UserFacingError('answers.too-large', `${file} is ${size} bytes: not an answers file`);
    try {
      const answers = await readAnswersFile(await readFile(file, 'utf8'));
      const { store } = this.opts;
      const method = store.methods.get(cycleId) ?? newCycleMethod(cycleId, 'kijkwijzer');
      const applied = applyAnswers(method, answers, new Date().toISOString(), () => randomUUID());
      store.methods.save(applied.method, this.opts.author());
      const items = applied.method.reflectionAgenda?.items ?? [];
      return {
        view: view(),
        answered: answers.answers.filter((a) => a.text.trim() !== '').length,
        flagged: applied.flaggedItemIds.map((id) => ({ id, title: items.find((i) => i.id === id)?.title ?? '' })),
        doubtsAdded: applied.doubtsAdded,
      };
    } catch (error) {
      if (error instanceof AnswersFileError) throw new UserFacingError(`answers.${error.problem}`, error.message);
      throw error;
    }
  }

  private async build(cycleId: string, source: PackageSource, leaveOut: string[], packageId: string) {
    const { store } = this.opts;
    const cycle = store.cycles.get(cycleId);
    if (!cycle) throw new UserFacingError('cycle.not-found', `No cycle ${cycleId}`);
    const trajectory = store.trajectories.get(cycle.trajectoryId);
    if (!trajectory) throw new UserFacingError('trajectory.not-found', `No trajectory ${cycle.trajectoryId}`);
    const method = store.methods.get(cycleId) ?? newCycleMethod(cycleId, 'kijkwijzer');
    const lang: Language = method.reflectionAgenda?.lang ?? store.settings.get().language;
    const pseudonyms = store.reportSettings.get(trajectory.id).pseudonyms;
    let pkg: ReviewPackage;
    try {
      pkg = buildReviewPackage({
        packageId,
        madeOn: (this.opts.today ?? (() => new Date().toISOString().slice(0, 10)))(),
        trajectory,
        cycle,
        method,
        framework: await this.opts.method.frameworkOfCycle(cycleId),
        fragments: store.fragments.listByCycle(cycleId),
        recordings: store.recordings.listByCycle(cycleId),
        source,
        leaveOut,
        pseudonyms,
        lang,
      });
    } catch (error) {
      if (error instanceof ReviewPackageInputError) throw new UserFacingError(`package.${error.problem}`, error.message);
      if (error instanceof PseudonymisationError) {
        const listed = [...new Set(error.findings.flatMap((f) => f.names))];
        throw new UserFacingError('clips.name-left', error.message, { names: listed.join(', ') });
      }
      throw error;
    }
    const template = await readFile(path.join(this.opts.resourcesPath, 'review-package', 'index.html'), 'utf8');
    return { pkg, template, lang };
  }
}

/** Writes `files` (relative, '/'-separated) of `folder` into a zip under `top/`; clips are stored, the page deflated. */
async function zipFolder(folder: string, top: string, files: string[], output: string, signal: AbortSignal): Promise<void> {
  const writer = new ZipWriter(output);
  try {
    for (const file of files) {
      const source = path.join(folder, ...file.split('/'));
      if (file.endsWith('.html')) await writer.addBytes(`${top}/${file}`, await readFile(source));
      else await writer.addFile(`${top}/${file}`, source, { signal });
    }
    await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
