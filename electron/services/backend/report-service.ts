// The reflection report of a cycle or its whole trajectory: gathers the trajectory's data from
// the store, builds the pseudonymised document model (shared/report, pure), renders it to HTML,
// DOCX or PDF, and writes it where the user chose in the save dialog. Also keeps the
// trajectory's pseudonymisation list and background text.
//
// Names: buildReport pseudonymises every text and refuses a document that still holds a listed
// name. The rendered file is checked once more (its own text, read back) before it is written,
// so a renderer that added text of its own could not let a name out either.
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../../../shared/domain';
import { createPseudonymiser, PseudonymisationError } from '../../../shared/exchange/pseudonymise';
import type { Framework } from '../../../shared/framework';
import {
  buildReport,
  type PseudonymList,
  pseudonymListProblems,
  type ReportDocument,
  type ReportFormat,
  type ReportInput,
  ReportInputError,
  type ReportScope,
  renderReportHtml,
  reportPhrase,
} from '../../../shared/report';
import { docxText, PdfError, renderReportDocx, renderReportPdf, type PrintHtmlToPdf } from '../export';
import { loadFrameworks } from '../frameworks/load-frameworks';
import type { Store } from '../store';
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

  async preview(cycleId: string, scope: ReportScope, lang?: Language) {
    const { document } = await this.build(cycleId, scope, lang);
    return { html: renderReportHtml(document), warnings: document.warnings, document };
  }

  async export(cycleId: string, scope: ReportScope, format: ReportFormat, lang?: Language): Promise<{ path: string | null }> {
    if (!this.opts.pickSavePath) {
      throw new UserFacingError('report.no-save-dialog', 'This shell has no save dialog');
    }
    // Build first: a report that cannot be made must not cost the user a trip to the dialog.
    const { document, pseudonyms } = await this.build(cycleId, scope, lang);
    const chosen = await this.opts.pickSavePath({
      defaultName: this.defaultFileName(document, pseudonyms, format, this.opts.store.cycles.get(cycleId)?.number ?? null),
      extensions: [EXTENSION[format]],
    });
    if (!chosen) return { path: null };
    const target = path.extname(chosen).toLowerCase() === `.${EXTENSION[format]}` ? chosen : `${chosen}.${EXTENSION[format]}`;

    const data = await this.render(document, format, pseudonyms);
    if (format !== 'pdf') this.assertNoNamesIn(format === 'docx' ? docxText(data) : htmlText(data.toString('utf8')), pseudonyms);
    await writeFileAtomically(target, data);
    return { path: target };
  }

  private async render(document: ReportDocument, format: ReportFormat, pseudonyms: PseudonymList): Promise<Buffer> {
    switch (format) {
      case 'html':
        return Buffer.from(renderReportHtml(document), 'utf8');
      case 'docx':
        return renderReportDocx(document);
      case 'pdf': {
        const html = renderReportHtml(document);
        // The PDF is printed from this HTML: check what goes in.
        this.assertNoNamesIn(htmlText(html), pseudonyms);
        try {
          return await renderReportPdf(html, { printHtmlToPdf: this.opts.printHtmlToPdf });
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
  ): Promise<{ document: ReportDocument; pseudonyms: PseudonymList }> {
    const input = await this.gather(cycleId);
    const { pseudonyms } = this.opts.store.reportSettings.get(input.trajectory.id);
    try {
      const document = buildReport(input, {
        lang: lang ?? this.opts.store.settings.get().language,
        scope,
        cycleId,
        pseudonyms,
      });
      return { document, pseudonyms };
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
      return {
        cycle: c,
        recordings: store.recordings.listByCycle(c.id),
        notes: store.notes.listByCycle(c.id),
        fragments: store.fragments.listByCycle(c.id),
        method,
        framework: frameworkFor(method?.frameworkId),
      };
    });
    return { trajectory, background: store.reportSettings.get(trajectory.id).background, cycles };
  }

  private async frameworks(): Promise<Framework[]> {
    const { frameworks } = await loadFrameworks(
      path.join(this.opts.resourcesPath, 'frameworks'),
      path.join(this.opts.dataDir, 'frameworks'),
    );
    return frameworks;
  }
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
