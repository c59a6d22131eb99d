// The reflection report of a cycle or its whole trajectory: gathers the trajectory's data from
// the store, builds the pseudonymised document model (shared/report, pure), renders it to HTML,
// DOCX or PDF, and writes it where the user chose in the save dialog. Also keeps the
// trajectory's pseudonymisation list and background text.
//
// Names: buildReport pseudonymises every text and refuses a document that still holds a listed
// name. The rendered file is checked once more (its own text, read back) before it is written,
// so a renderer that added text of its own could not let a name out either.
//
// Stills (includeStills, off unless asked): one frame per fragment to replay, at the fragment's
// still moment (its middle unless chosen), taken by ffmpeg from the original recording (its proxy
// when the original is missing) and cached in the recording's cache folder. A still that cannot
// be taken is left out with a warning; it never stops the report. The preview gets page URLs
// (`/media/<recording id>/still-….jpg`), the HTML and PDF embed the pictures as data: URLs, the
// DOCX as images.
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Language, stillTimeOf } from '../../../shared/domain';
import { createPseudonymiser, PseudonymisationError } from '../../../shared/exchange/pseudonymise';
import type { Framework } from '../../../shared/framework';
import {
  buildReport,
  fragmentIdOfStill,
  fragmentReferenceText,
  type PseudonymList,
  pseudonymListProblems,
  type ReportDocument,
  type ReportFormat,
  type ReportInput,
  ReportInputError,
  type ReportScope,
  renderReportHtml,
  reportPhrase,
  type StillImage,
} from '../../../shared/report';
import { type DocxStill, docxText, PdfError, renderReportDocx, renderReportPdf, type PrintHtmlToPdf } from '../export';
import { isMediaError, type MediaBinaries, stillCachePath, stillWidth, takeStill } from '../media';
import { loadFrameworks } from '../frameworks/load-frameworks';
import type { Store } from '../store';
import { alignmentSummary, validThreshold } from '../../../shared/alignment';
import { withheldFeedbackCount } from '../../../shared/method';
import type { RecordExport } from './export-log-service';
import { UserFacingError } from './errors';

const DEFAULT_FRAMEWORK_ID = 'kijkwijzer';

export interface SavePathRequest {
  /** A file name without folder, e.g. "Reflectierapport KM-3 · Cliënt A.docx". */
  defaultName: string;
  /** Without dots, e.g. ['docx']. */
  extensions: string[];
}

export interface ReportServiceOptions {
  store: Store;
  resourcesPath: string;
  dataDir: string;
  author: () => string;
  /** The shell's save dialog; undefined when the shell has none. Resolves to null when cancelled. */
  pickSavePath?: (options: SavePathRequest) => Promise<string | null>;
  /** The shell's HTML-to-PDF printer (Electron); undefined: headless Chromium. */
  printHtmlToPdf?: PrintHtmlToPdf;
  /** ffmpeg, for stills; without it a report with stills gets a warning instead of pictures. */
  binaries?: () => Promise<MediaBinaries>;
  /** The export log: told once a report file is written. */
  recordExport?: RecordExport;
}

/** A still taken for the report: the cached JPEG and where it came from. */
interface TakenStill {
  recordingId: string;
  file: string;
  width: number;
  height: number;
}

interface ReportStills {
  byId: Map<string, TakenStill>;
  warnings: string[];
}

const EXTENSION: Record<ReportFormat, string> = { docx: 'docx', pdf: 'pdf', html: 'html' };

/** Characters no file system likes in a name. */
function safeFileName(name: string): string {
  return name
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
}

/** HTML as the text a reader sees: tags dropped, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export class ReportService {
  constructor(private readonly opts: ReportServiceOptions) {}

  pseudonyms(trajectoryId: string): PseudonymList {
    return this.opts.store.reportSettings.get(trajectoryId).pseudonyms;
  }

  setPseudonyms(trajectoryId: string, list: PseudonymList): PseudonymList {
    const cleaned = list.map((e) => ({ name: e.name.trim(), replacement: e.replacement.trim() }));
    const problem = pseudonymListProblems(cleaned)[0];
    if (problem?.kind === 'duplicate') {
      throw new UserFacingError('pseudonyms.duplicate', `"${problem.name}" is on the list twice`, { name: problem.name });
    }
    if (problem?.kind === 'replacement-contains-name') {
      throw new UserFacingError(
        'pseudonyms.replacement-contains-name',
        `The replacement "${problem.replacement}" for "${problem.name}" contains the listed name ${problem.found.join(', ')}: it would survive pseudonymisation`,
        { name: problem.name, replacement: problem.replacement, found: problem.found.join(', ') },
      );
    }
    return this.opts.store.reportSettings.setPseudonyms(trajectoryId, cleaned, this.opts.author());
  }

  background(trajectoryId: string): string {
    return this.opts.store.reportSettings.get(trajectoryId).background;
  }

  setBackground(trajectoryId: string, text: string): string {
    return this.opts.store.reportSettings.setBackground(trajectoryId, text, this.opts.author());
  }

  async preview(cycleId: string, scope: ReportScope, lang?: Language, includeStills = false, includeAlignment = false) {
    const built = await this.build(cycleId, scope, lang, includeStills, includeAlignment);
    const stills = await this.takeStills(built.document, built.input);
    const document = withWarnings(built.document, stills.warnings);
    const urls: Record<string, string> = {};
    for (const [id, still] of stills.byId) urls[id] = `/media/${still.recordingId}/${path.basename(still.file)}`;
    return { html: renderReportHtml(document, { stills: await htmlStills(stills) }), warnings: document.warnings, document, stills: urls };
  }

  async export(
    cycleId: string,
    scope: ReportScope,
    format: ReportFormat,
    lang?: Language,
    includeStills = false,
    includeAlignment = false,
  ): Promise<{ path: string | null }> {
    if (!this.opts.pickSavePath) {
      throw new UserFacingError('report.no-save-dialog', 'This shell has no save dialog');
    }
    // Build first: a report that cannot be made must not cost the user a trip to the dialog.
    const built = await this.build(cycleId, scope, lang, includeStills, includeAlignment);
    const { pseudonyms } = built;
    const stills = await this.takeStills(built.document, built.input);
    const document = withWarnings(built.document, stills.warnings);
    const chosen = await this.opts.pickSavePath({
      defaultName: this.defaultFileName(document, pseudonyms, format, this.opts.store.cycles.get(cycleId)?.number ?? null),
      extensions: [EXTENSION[format]],
    });
    if (!chosen) return { path: null };
    const target = path.extname(chosen).toLowerCase() === `.${EXTENSION[format]}` ? chosen : `${chosen}.${EXTENSION[format]}`;

    const data = await this.render(document, format, pseudonyms, stills);
    if (format !== 'pdf') this.assertNoNamesIn(format === 'docx' ? docxText(data) : htmlText(data.toString('utf8')), pseudonyms);
    await writeFileAtomically(target, data);
    const cycles = built.input.cycles.filter((c) => scope === 'trajectory' || c.cycle.id === cycleId);
    this.opts.recordExport?.({
      trajectoryId: built.input.trajectory.id,
      what: 'report',
      scope: scope === 'trajectory' ? 'trajectory' : `cycle:${cycles[0]?.cycle.number ?? ''}`,
      format,
      destination: target,
      withheld: cycles.reduce((n, c) => n + withheldFeedbackCount(c.method?.feedback ?? []), 0),
    });
    return { path: target };
  }

  private async render(document: ReportDocument, format: ReportFormat, pseudonyms: PseudonymList, stills: ReportStills): Promise<Buffer> {
    switch (format) {
      case 'html':
        return Buffer.from(renderReportHtml(document, { stills: await htmlStills(stills) }), 'utf8');
      case 'docx':
        return renderReportDocx(document, { stills: await docxStills(stills) });
      case 'pdf': {
        const html = renderReportHtml(document, { stills: await htmlStills(stills) });
        // The PDF is printed from this HTML: check what goes in.
        this.assertNoNamesIn(htmlText(html), pseudonyms);
        try {
          return await renderReportPdf(html, { printHtmlToPdf: this.opts.printHtmlToPdf, title: document.title });
        } catch (error) {
          if (error instanceof PdfError) throw new UserFacingError(`report.pdf-${error.code}`, error.message);
          throw error;
        }
      }
    }
  }

  private assertNoNamesIn(text: string, pseudonyms: PseudonymList) {
    const found = createPseudonymiser(pseudonyms).findListedNames(text);
    if (found.length > 0) {
      throw new UserFacingError(
        'report.name-left',
        `The exported file would still contain ${found.map((n) => `"${n}"`).join(', ')}. Nothing was exported.`,
        { names: found.join(', ') },
      );
    }
  }

  /** "Reflectierapport KM-3 · Cliënt A - Gesprek 2.docx", pseudonymised like the report. */
  private defaultFileName(document: ReportDocument, pseudonyms: PseudonymList, format: ReportFormat, cycleNumber: number | null): string {
    const cycle = document.scope === 'cycle' && cycleNumber !== null ? ` - ${reportPhrase('cycleHeading', document.lang, { n: cycleNumber })}` : '';
    const base = `${document.title}${cycle}`;
    const name = createPseudonymiser(pseudonyms).pseudonymise(safeFileName(base));
    return `${safeFileName(name) || reportPhrase('reportTitle', document.lang)}.${EXTENSION[format]}`;
  }

  /** The pseudonymised document model; names left in it become a user-facing error. */
  private async build(
    cycleId: string,
    scope: ReportScope,
    lang?: Language,
    includeStills = false,
    includeAlignment = false,
  ): Promise<{ document: ReportDocument; pseudonyms: PseudonymList; input: ReportInput }> {
    const input = await this.gather(cycleId);
    const { pseudonyms } = this.opts.store.reportSettings.get(input.trajectory.id);
    try {
      const document = buildReport(input, {
        lang: lang ?? this.opts.store.settings.get().language,
        scope,
        cycleId,
        pseudonyms,
        includeStills,
        includeAlignment,
      });
      return { document, pseudonyms, input };
    } catch (error) {
      if (error instanceof PseudonymisationError) {
        const names = [...new Set(error.findings.flatMap((f) => f.names))];
        throw new UserFacingError('report.name-left', error.message, { names: names.join(', ') });
      }
      if (error instanceof ReportInputError) throw new UserFacingError('cycle.not-found', error.message);
      throw error;
    }
  }

  /** Everything of the cycle's trajectory the report may need. */
  private async gather(cycleId: string): Promise<ReportInput> {
    const { store } = this.opts;
    const cycle = store.cycles.get(cycleId);
    if (!cycle) throw new UserFacingError('cycle.not-found', `No cycle ${cycleId}`);
    const trajectory = store.trajectories.get(cycle.trajectoryId);
    if (!trajectory) throw new UserFacingError('trajectory.not-found', `No trajectory ${cycle.trajectoryId}`);
    const frameworks = await this.frameworks();
    const frameworkFor = (id: string | undefined) => {
      const found = frameworks.find((f) => f.id === id) ?? frameworks.find((f) => f.id === DEFAULT_FRAMEWORK_ID) ?? frameworks[0];
      if (!found) throw new UserFacingError('framework.not-found', `No framework ${id ?? DEFAULT_FRAMEWORK_ID}`);
      return found;
    };
    const cycles = store.cycles.listByTrajectory(trajectory.id).map((c) => {
      const method = store.methods.get(c.id);
      const framework = frameworkFor(method?.frameworkId);
      const recordings = store.recordings.listByCycle(c.id);
      const notes = store.notes.listByCycle(c.id);
      const fragments = store.fragments.listByCycle(c.id);
      return {
        cycle: c,
        recordings,
        notes,
        fragments,
        method,
        framework,
        alignment: alignmentSummary({
          fragments,
          notes,
          recordings: recordings.map((r) => ({ id: r.id, durationSec: r.media.durationSec })),
          decisions: store.alignments.listByCycle(c.id),
          threshold: validThreshold(method?.alignmentThreshold),
          themeIds: framework.themes.map((t) => t.id),
        }),
      };
    });
    return { trajectory, background: store.reportSettings.get(trajectory.id).background, cycles };
  }

  /**
   * The still of every image block in the document, taken (or found in the cache) one after the
   * other: two cores, and the player and proxies need them too. What cannot be taken becomes a
   * warning naming the fragment (times and "video 2" only: no file names, which may hold names).
   */
  private async takeStills(document: ReportDocument, input: ReportInput): Promise<ReportStills> {
    const result: ReportStills = { byId: new Map(), warnings: [] };
    const wanted = document.blocks.flatMap((b) => (b.type === 'image' ? [b.stillId] : []));
    if (wanted.length === 0) return result;
    const lang = document.lang;
    let binaries: MediaBinaries | null | undefined;
    for (const stillId of new Set(wanted)) {
      const fragmentId = fragmentIdOfStill(stillId);
      const cycle = input.cycles.find((c) => c.fragments.some((f) => f.id === fragmentId));
      const fragment = cycle?.fragments.find((f) => f.id === fragmentId);
      if (!cycle || !fragment) continue;
      const leftOut = (reason: string) =>
        result.warnings.push(
          reportPhrase('stillLeftOut', lang, { reference: fragmentReferenceText(fragment, cycle.recordings, lang), reason }),
        );
      const recording = this.opts.store.recordings.get(fragment.recordingId);
      if (!recording) {
        leftOut(reportPhrase('stillNoRecording', lang));
        continue;
      }
      const video = recording.media.video;
      if (!video) {
        leftOut(reportPhrase('stillNoPicture', lang));
        continue;
      }
      const proxy = recording.proxyState === 'done' && recording.proxyPath && existsSync(recording.proxyPath) ? recording.proxyPath : null;
      const fromProxy = !existsSync(recording.filePath);
      const source = fromProxy ? proxy : recording.filePath;
      if (!source) {
        leftOut(reportPhrase('stillNoRecording', lang));
        continue;
      }
      if (binaries === undefined) binaries = this.opts.binaries ? await this.opts.binaries().catch(() => null) : null;
      if (!binaries) {
        leftOut(reportPhrase('stillNoFfmpeg', lang));
        continue;
      }
      const fps = !video.variableFrameRate && video.fps > 0 ? video.fps : null;
      // A still at the very end of the recording would seek past its last frame.
      const lastFrame = recording.media.durationSec > 0 ? Math.max(0, recording.media.durationSec - 1 / (fps ?? 25)) : Infinity;
      const timeSec = Math.min(stillTimeOf(fragment), lastFrame);
      const width = stillWidth(video.width);
      try {
        const still = await takeStill(binaries, {
          input: source,
          timeSec,
          width,
          fps,
          output: stillCachePath(this.opts.dataDir, recording.id, timeSec, width, fromProxy),
        });
        result.byId.set(stillId, { recordingId: recording.id, file: still.output, width: still.width, height: still.height });
      } catch (error) {
        if (!isMediaError(error)) throw error;
        // ffmpeg's own words may name the file: they go to the log, not into the page.
        console.warn(`[report] still of fragment ${fragment.id} at ${timeSec} s failed: ${error.message}`);
        leftOut(reportPhrase(error.code === 'not-found' ? 'stillNoRecording' : error.code === 'no-ffmpeg' ? 'stillNoFfmpeg' : 'stillFailed', lang));
      }
    }
    return result;
  }

  private async frameworks(): Promise<Framework[]> {
    const { frameworks } = await loadFrameworks(
      path.join(this.opts.resourcesPath, 'frameworks'),
      path.join(this.opts.dataDir, 'frameworks'),
    );
    return frameworks;
  }
}

function withWarnings(document: ReportDocument, warnings: readonly string[]): ReportDocument {
  return warnings.length === 0 ? document : { ...document, warnings: [...document.warnings, ...warnings] };
}

async function htmlStills(stills: ReportStills): Promise<Map<string, StillImage>> {
  const out = new Map<string, StillImage>();
  for (const [id, still] of stills.byId) {
    out.set(id, { mime: 'image/jpeg', base64: (await readFile(still.file)).toString('base64') });
  }
  return out;
}

async function docxStills(stills: ReportStills): Promise<Map<string, DocxStill>> {
  const out = new Map<string, DocxStill>();
  for (const [id, still] of stills.byId) {
    out.set(id, { data: await readFile(still.file), type: 'jpg', width: still.width, height: still.height });
  }
  return out;
}

/** Writes next to the target, then renames: a failed export never leaves half a file. */
async function writeFileAtomically(target: string, data: Buffer): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new UserFacingError('report.write-failed', `Cannot write ${target}: ${(error as Error).message}`, { path: target });
  }
}
