// The report as PDF, printed from its HTML by Chromium. The shell decides how: the Electron app
// passes `printHtmlToPdf` (a hidden, sandboxed window and webContents.printToPDF); without it
// (test host, tests) a headless Chromium is started for the one file:
//   VKZ_CHROMIUM, else /usr/bin/chromium, else chromium / chromium-browser on PATH.
// Either way the result gets the app's own metadata (pdf-metadata.ts).
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type PdfMetadata, withAppMetadata } from './pdf-metadata';

export type PrintHtmlToPdf = (html: string) => Promise<Buffer>;

export type PdfErrorCode = 'no-chromium' | 'failed';

export class PdfError extends Error {
  constructor(
    readonly code: PdfErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PdfError';
  }
}

export interface PdfOptions {
  /** The shell's own printer (Electron); when given, no Chromium is started. */
  printHtmlToPdf?: PrintHtmlToPdf;
  env?: NodeJS.ProcessEnv;
  /** Give up on Chromium after this long. Default 90 s. */
  timeoutMs?: number;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to print with, or null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.VKZ_CHROMIUM?.trim();
  if (configured) return isExecutable(configured) ? configured : null;
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function run(file: string, args: string[], timeoutMs: number): Promise<{ stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr: String(stderr) }));
      else resolve({ stderr: String(stderr) });
    });
  });
}

/** Prints HTML with a headless Chromium (see the file comment for where it is looked for). */
export async function printWithHeadlessChromium(html: string, options: Omit<PdfOptions, 'printHtmlToPdf'> = {}): Promise<Buffer> {
  const chromium = findChromium(options.env ?? process.env);
  if (!chromium) {
    throw new PdfError(
      'no-chromium',
      'No Chromium found to print the PDF with (set VKZ_CHROMIUM, or install chromium).',
    );
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vkz-pdf-'));
  try {
    const htmlFile = path.join(dir, 'report.html');
    const pdfFile = path.join(dir, 'report.pdf');
    await writeFile(htmlFile, html, 'utf8');
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdfFile}`,
      pathToFileURL(htmlFile).href,
    ];
    try {
      await run(chromium, args, options.timeoutMs ?? 90_000);
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim().split('\n').slice(-3).join(' ') || (error as Error).message;
      throw new PdfError('failed', `Chromium could not print the PDF: ${detail}`);
    }
    let pdf: Buffer;
    try {
      pdf = await readFile(pdfFile);
    } catch {
      throw new PdfError('failed', 'Chromium finished but wrote no PDF.');
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PdfError('failed', 'Chromium wrote something that is not a PDF.');
    return pdf;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The report's HTML as PDF, by the shell's printer when there is one, else by headless Chromium,
 * with the app's own metadata in place of the printer's.
 */
export async function renderReportPdf(html: string, options: PdfOptions & PdfMetadata): Promise<Buffer> {
  let pdf: Buffer;
  if (options.printHtmlToPdf) {
    pdf = await options.printHtmlToPdf(html);
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PdfError('failed', 'The printer returned something that is not a PDF.');
  } else {
    pdf = await printWithHeadlessChromium(html, options);
  }
  try {
    return await withAppMetadata(pdf, { title: options.title });
  } catch (error) {
    throw new PdfError('failed', `The printed PDF could not be read to set its metadata: ${(error as Error).message}`);
  }
}
