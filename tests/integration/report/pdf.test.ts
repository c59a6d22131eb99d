// The report as PDF, printed from its HTML by headless Chromium (the test host's and tests' way;
// the app uses Electron's printToPDF). Checked with poppler's pdfinfo/pdftotext. Either way the
// file carries the app's own metadata: no browser user agent, no PDF engine, no person's name.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, PdfError, renderReportPdf } from '../../../electron/services/export';
import { buildReport, renderReportHtml } from '../../../shared/report';
import { LISTED_NAMES, PRIVATE_MARK, PSEUDONYMS, SHARED_QUOTE, trajectoryInput } from '../../unit/report/fixtures';

const chromium = findChromium();
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const skipReason = !chromium
  ? 'no Chromium found (set VKZ_CHROMIUM or install chromium)'
  : !hasPoppler
    ? 'pdftotext not installed (poppler-utils)'
    : null;
if (skipReason) console.warn(`[report pdf tests] skipped: ${skipReason}`);

let dir: string;
let text: string;
let info: string;
let raw: string;
let pages: number;
let title: string;

/** pdfinfo's fields of a PDF, e.g. { Title: '...', Creator: 'VKZ' }. */
function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').flatMap((line) => {
    const m = /^([A-Za-z ]+):\s+(.*)$/.exec(line);
    return m ? [[m[1]!, m[2]!]] : [];
  }));
}

describe.skipIf(skipReason !== null)('the report as PDF (headless Chromium)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vkz-report-pdf-'));
    const doc = buildReport(trajectoryInput(), { lang: 'nl', scope: 'trajectory', pseudonyms: PSEUDONYMS });
    title = doc.title;
    const pdf = await renderReportPdf(renderReportHtml(doc), { title });
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    raw = pdf.toString('latin1');
    text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    info = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
    pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has pages, A4, with the report on them', () => {
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('Reflectierapport KM-3 · Cliënt A');
    expect(text).toContain('Achtergrond');
    expect(text).toContain('Geannoteerd transcript');
    expect(text).toContain('Hoe het verder ging');
  });

  it('shows the fragments to replay and the shared feedback, nothing private and no listed name', () => {
    expect(text).toContain('fragment 6:00 – 6:30 (video 1)');
    expect(text.replace(/\s+/g, ' ')).toContain(SHARED_QUOTE);
    expect(text).not.toContain(PRIVATE_MARK);
    for (const name of LISTED_NAMES) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(text).toContain('[naam cliënt]');
  });

  it("carries the app's metadata: the pseudonymised title, VKZ as creator and producer, no author", () => {
    const file = path.join(dir, 'report.pdf');
    const fields = pdfInfo(file);
    expect(fields.Title).toBe(title);
    expect(fields.Creator).toBe('VKZ');
    expect(fields.Producer).toBe('VKZ');
    expect(fields.Author).toBeUndefined();
    expect(fields.Subject).toBeUndefined();
    expect(fields.Keywords).toBeUndefined();
    for (const trace of ['HeadlessChrome', 'Mozilla', 'Skia', 'Chromium', 'pdf-lib', os.homedir() + path.sep]) {
      expect(info, trace).not.toContain(trace);
      expect(raw, trace).not.toContain(trace);
    }
  });

  it("uses the shell's printer when there is one, and gives its PDF the same metadata", async () => {
    // What Electron's printToPDF returns: Chromium's user agent and Skia, here also an author.
    const printed = await PDFDocument.create({ updateMetadata: false });
    printed.addPage();
    printed.setCreator('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) vkz/0.1.0 Chrome/138 Electron/37 Safari/537.36');
    printed.setProducer('Skia/PDF m138');
    printed.setAuthor('jdevries');
    printed.setTitle('Jan de Vries');
    const calls: string[] = [];
    const pdf = await renderReportPdf('<p>x</p>', {
      title: 'Reflectierapport [naam cliënt]',
      printHtmlToPdf: async (html) => {
        calls.push(html);
        return Buffer.from(await printed.save());
      },
    });
    expect(calls).toEqual(['<p>x</p>']);
    const file = path.join(dir, 'shell.pdf');
    writeFileSync(file, pdf);
    expect(pdfInfo(file)).toMatchObject({ Title: 'Reflectierapport [naam cliënt]', Creator: 'VKZ', Producer: 'VKZ', Pages: '1' });
    expect(pdfInfo(file).Author).toBeUndefined();
    for (const trace of ['Electron', 'Skia', 'jdevries', 'Jan de Vries']) expect(pdf.toString('latin1'), trace).not.toContain(trace);
    await expect(renderReportPdf('x', { title: 'x', printHtmlToPdf: async () => Buffer.from('nope') })).rejects.toBeInstanceOf(PdfError);
  });
});

describe('finding Chromium', () => {
  it('says clearly when there is none', async () => {
    const env = { VKZ_CHROMIUM: '/nonexistent/chromium', PATH: '' };
    expect(findChromium(env)).toBeNull();
    await expect(renderReportPdf('<p>x</p>', { title: 'x', env })).rejects.toMatchObject({ code: 'no-chromium' });
  });
});
