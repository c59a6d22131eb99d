// The report as PDF, printed from its HTML by headless Chromium (the test host's and tests' way;
// the app uses Electron's printToPDF). Checked with poppler's pdfinfo/pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
let pages: number;

describe.skipIf(skipReason !== null)('the report as PDF (headless Chromium)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vkz-report-pdf-'));
    const doc = buildReport(trajectoryInput(), { lang: 'nl', scope: 'trajectory', pseudonyms: PSEUDONYMS });
    const pdf = await renderReportPdf(renderReportHtml(doc));
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
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

  it("uses the shell's printer when there is one", async () => {
    const calls: string[] = [];
    const pdf = await renderReportPdf('<p>x</p>', {
      printHtmlToPdf: async (html) => {
        calls.push(html);
        return Buffer.from('%PDF-1.7 fake');
      },
    });
    expect(calls).toEqual(['<p>x</p>']);
    expect(pdf.toString('latin1')).toBe('%PDF-1.7 fake');
    await expect(renderReportPdf('x', { printHtmlToPdf: async () => Buffer.from('nope') })).rejects.toBeInstanceOf(PdfError);
  });
});

describe('finding Chromium', () => {
  it('says clearly when there is none', async () => {
    const env = { VKZ_CHROMIUM: '/nonexistent/chromium', PATH: '' };
    expect(findChromium(env)).toBeNull();
    await expect(renderReportPdf('<p>x</p>', { env })).rejects.toMatchObject({ code: 'no-chromium' });
  });
});
