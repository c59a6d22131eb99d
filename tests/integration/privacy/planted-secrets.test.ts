// Planted secrets across every route out. A trajectory is annotated with a listed name written
// every way a reader still reads as the name (invisible characters, punctuation between the
// parts, parts joined, Cyrillic/Greek look-alikes, full-width letters), "niet delen" feedback,
// feedback that is withdrawn after the agendas were built, and feedback that was "niet delen" when
// they were built and is shared later (it must show up, live). Then every output is made for
// real and read back as a recipient would: report HTML/DOCX/PDF (text and metadata), CSV, ELAN,
// WebVTT, SRT, the archive for others (unzipped), review mode, the review package (unzipped),
// clip and showreel file names and MP4 tags. None may hold the name in any form, the withheld
// feedback, or a local path.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../../electron/services/export/docx-text';
import { findListedNames, type PseudonymList } from '../../../shared/exchange/pseudonymise';
import type { ClientFeedback } from '../../../shared/method';
import { makeFixture } from '../../support/media-fixtures';
import { startResearcher, type Researcher } from '../exchange/researcher';

const LIST: PseudonymList = [
  { name: 'Jan de Vries', replacement: '[naam cliënt]' },
  { name: 'Jan', replacement: '[cliënt]' },
];
/** Each reads as "Jan" or "Jan de Vries" on screen and on paper. */
const VARIANTS = [
  'Ja\u00ADn de Vries', // soft hyphen
  'J\u200Ban', // zero-width space
  'Jan\u2060de\u2060Vries', // word joiners between the parts
  '\uFEFFJan', // byte order mark
  'J\u200Dan d\u200Ce Vries', // zero-width joiner and non-joiner
  'Jan-de-Vries',
  'jan_de_vries',
  'Jan.de.Vries',
  'JanDeVries',
  'Jan\nde\nVries',
  'J\u0430n', // Cyrillic a
  'J\u0430n d\u0435 Vri\u0435s', // Cyrillic a and e
  '\u0408\u0430n', // Cyrillic J and a
  'J\u03B1n', // Greek alpha
  'Ｊａｎ', // full-width
];
const PRIVATE = 'GEHEIM-NIET-DELEN';
const WITHDRAWN = 'GEHEIM-INGETROKKEN';
const RESHARED = 'LATER-GEDEELD';
const planted = (i: number) => VARIANTS[i % VARIANTS.length]!;

let tmp: string;
let out: string;
let a: Researcher;
let cycleId: string;
let trajectoryId: string;
let recordingId: string;
let fragmentId: string;
/** Every output, as a recipient would read it: [what, text]. */
const outputs: [string, string][] = [];

function pdfText(file: string): string {
  return `${execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })}\n${execFileSync('pdfinfo', [file], { encoding: 'utf8' })}`;
}

function zipTexts(file: string): string {
  return Object.entries(unzipSync(readFileSync(file)))
    .filter(([name]) => /\.(xml|json|rels|txt|html|js)$/.test(name))
    .map(([name, data]) => `${name}\n${strFromU8(data)}`)
    .join('\n');
}

async function saveAs<T extends { path: string | null }>(name: string, make: () => Promise<T>): Promise<string> {
  const target = path.join(out, name);
  a.save.push(target);
  const result = await make();
  expect(result.path).toBe(target);
  return target;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-planted-'));
  out = path.join(tmp, 'exports');
  mkdirSync(out);
  const made = await makeFixture('playable-mp4', path.join(tmp, 'media'), { durationSec: 8 });
  // The recording's own file name carries the name too (as video-call software names files).
  const video = path.join(tmp, 'media', `gesprek J\u0430n de Vries.mp4`);
  copyFileSync(made, video);

  a = await startResearcher('Onderzoeker A', path.join(tmp, 'data'));
  const trajectory = await a.call('trajectories.create', { caseManager: 'KM-1', client: 'Cliënt A' });
  trajectoryId = trajectory.id;
  await a.call('pseudonyms.set', { trajectoryId, list: [...LIST] });
  await a.call('report.background.set', { trajectoryId, text: `Achtergrond: ${planted(0)} is 34.` });
  const cycle = await a.call('cycles.create', { trajectoryId, title: `Gesprek met ${planted(5)}`, date: '2025-03-10' });
  cycleId = cycle.id;
  a.open.push([video]);
  recordingId = (await a.call('recordings.addViaDialog', { cycleId })).added[0]!.id;

  const kinds = ['transcript', 'observation', 'question_client', 'question_case_manager', 'event'] as const;
  for (let i = 0; i < VARIANTS.length; i++) {
    await a.call('notes.create', {
      recordingId,
      timeSec: 0.4 + i * 0.4,
      kind: kinds[i % kinds.length]!,
      text: `Notitie ${i}: ${planted(i)} zegt iets.`,
      speaker: i % 3 === 0 ? planted(i + 1) : 'KM',
    });
  }
  const fragment = await a.call('fragments.create', {
    recordingId,
    inSec: 1,
    outSec: 3,
    title: `${planted(10)} twijfelt`,
    themes: ['authenticity'],
  });
  fragmentId = fragment.id;
  await a.call('fragments.update', { id: fragmentId, patch: { note: `Hier kijkt ${planted(8)} weg.`, forCaseManager: true, forClient: true } });

  const view = await a.call('method.get', { cycleId });
  const fb = (id: string, text: string, sharing: ClientFeedback['sharing']): ClientFeedback => ({
    id,
    agendaItemId: null,
    fragmentId,
    themeId: 'authenticity',
    text,
    isQuote: true,
    sharing,
    speakerLabel: planted(12),
  });
  await a.call('method.update', {
    cycleId,
    patch: {
      intake: { ...view.method.intake, consent: 'yes', doubts: [{ id: 'd1', text: `Was ik te sturend tegen ${planted(11)}?` }] },
      interviewDate: '2025-03-14',
      feedback: [
        fb('fb-share', `Ik (${planted(13)}) voelde me gehoord.`, 'share'),
        fb('fb-anon', `Zeg maar niet dat ${planted(3)} dit zei.`, 'anonymous'),
        fb('fb-private', PRIVATE, 'private'),
        fb('fb-withdrawn', WITHDRAWN, 'share'),
        fb('fb-reshared', RESHARED, 'private'),
      ],
    },
  });
  await a.call('method.buildInterviewAgenda', { cycleId });
  await a.call('method.buildReflectionAgenda', { cycleId });
  // After the agendas were built, the client withdraws one piece of feedback and shares another.
  const current = (await a.call('method.get', { cycleId })).method;
  const changed: Record<string, ClientFeedback['sharing']> = { 'fb-withdrawn': 'private', 'fb-reshared': 'share' };
  await a.call('method.update', {
    cycleId,
    patch: { feedback: current.feedback.map((f) => ({ ...f, sharing: changed[f.id] ?? f.sharing })) },
  });
}, 60_000);

afterAll(() => {
  a?.backend.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('planted secrets', () => {
  it('the planted variants are all seen as the listed name', () => {
    for (const v of VARIANTS) expect(findListedNames(`x ${v} x`, LIST), JSON.stringify(v)).not.toEqual([]);
  });

  it('collects every output', async () => {
    for (const format of ['html', 'docx', 'pdf'] as const) {
      for (const scope of ['cycle', 'trajectory'] as const) {
        const file = await saveAs(`report-${scope}.${format}`, () => a.call('report.export', { cycleId, scope, format }));
        const text = format === 'html' ? readFileSync(file, 'utf8') : format === 'docx' ? `${docxText(readFileSync(file))}\n${zipTexts(file)}` : pdfText(file);
        outputs.push([`report ${scope} ${format}`, text]);
      }
    }
    outputs.push(['report preview', (await a.call('report.preview', { cycleId, scope: 'trajectory' })).html]);

    const file = (format: 'csv' | 'eaf' | 'vtt' | 'srt') =>
      saveAs(`export.${format}`, () => a.call('exchange.exportFile', { cycleId, format, ...(format === 'csv' ? {} : { recordingId }) }));
    for (const format of ['csv', 'eaf', 'vtt', 'srt'] as const) outputs.push([format, readFileSync(await file(format), 'utf8')]);

    const archive = await saveAs('others.vkz', () =>
      a.call('exchange.exportArchive', { scope: { kind: 'trajectory', trajectoryId }, kind: 'others', includeMedia: true }),
    );
    const entries = unzipSync(readFileSync(archive));
    expect(Object.keys(entries).sort()).toEqual(['data.json', 'manifest.json']);
    expect(JSON.parse(strFromU8(entries['manifest.json']!))).toMatchObject({ kind: 'others', includesMedia: false });
    outputs.push(['archive for others', zipTexts(archive)]);
    // Agendas refer to all feedback, private included; the archive for others carries neither
    // the private records nor the references to them.
    const othersData = strFromU8(entries['data.json']!);
    for (const id of ['fb-private', 'fb-withdrawn']) expect(othersData).not.toContain(id);
    expect(othersData).toContain('fb-reshared');

    for (const source of ['reflection', 'interview'] as const) {
      outputs.push([`review ${source}`, JSON.stringify(await a.call('review.playlist', { cycleId, source: { kind: source } }))]);
    }
    // The agenda page is where researchers edit, with real names; withheld feedback must not be there.
    const agenda = JSON.stringify((await a.call('method.get', { cycleId })).method.reflectionAgenda);
    expect(agenda).not.toContain(PRIVATE);
    expect(agenda).not.toContain(WITHDRAWN);
    expect(agenda).toContain(RESHARED);

    // Clips and a showreel with title cards: file names and MP4 tags.
    const clips = await saveAs('clip.mp4', () => a.call('clips.export', { fragmentIds: [fragmentId], burnTimecode: false }));
    const reel = await saveAs('reel.mp4', () => a.call('clips.showreel', { cycleId, source: 'reflection', titleCards: true }));
    await a.backend.idle();
    for (const mp4 of [clips, reel]) {
      const tags = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format_tags:stream_tags', '-of', 'json', mp4], { encoding: 'utf8' });
      outputs.push([`MP4 tags of ${path.basename(mp4)}`, tags]);
      // Only what the MP4 format itself needs: no title, comment, artist, location or creation time.
      const parsed = JSON.parse(tags) as { format?: { tags?: object }; streams?: { tags?: object }[] };
      expect(Object.keys(parsed.format?.tags ?? {}).sort()).toEqual(['compatible_brands', 'encoder', 'major_brand', 'minor_version']);
      for (const stream of parsed.streams ?? []) {
        expect(Object.keys(stream.tags ?? {}).filter((k) => !['language', 'handler_name', 'vendor_id', 'encoder'].includes(k))).toEqual([]);
      }
    }
    // The review package for the case manager, as one .zip: every text file in it.
    const pkg = await saveAs('package.zip', () => a.call('reviewPackage.make', { cycleId, source: { kind: 'reflection' }, leaveOut: [], asZip: true }));
    await a.backend.idle();
    outputs.push(['review package', zipTexts(pkg)]);
    outputs.push(['review package file names', Object.keys(unzipSync(readFileSync(pkg))).join('\n')]);
    outputs.push(['exported file names', readdirSync(out).join('\n')]);
    // The names the app proposed in the save dialogs: reports, exports, clip, showreel, package.
    outputs.push(['proposed file names', a.proposed.join('\n')]);
    expect(a.proposed.some((name) => name.endsWith('.mp4') && name.includes('[cliënt] twijfelt'))).toBe(true);
    expect(outputs.length).toBeGreaterThan(15);
  }, 240_000);

  it('no output holds the name in any form', () => {
    const leaks = outputs.flatMap(([what, text]) => findListedNames(text, LIST).map((name) => `${what}: ${name}`));
    expect(leaks).toEqual([]);
    // And plainly, without any folding: none of the planted spellings.
    for (const [what, text] of outputs) {
      for (const v of VARIANTS) expect(text.includes(v), `${what} holds ${JSON.stringify(v)}`).toBe(false);
    }
  });

  it('no output holds "niet delen" feedback, nor feedback withdrawn after the agendas were built', () => {
    for (const [what, text] of outputs) {
      expect(text, what).not.toContain(PRIVATE);
      expect(text, what).not.toContain(WITHDRAWN);
    }
  });

  it('no output holds a local path, nor the name of the account or the software that made it', () => {
    for (const [what, text] of outputs) {
      for (const trace of ['HeadlessChrome', 'Mozilla/5.0', 'Skia/PDF', 'Un-named', os.homedir() + path.sep]) {
        expect(text, `${what}: ${trace}`).not.toContain(trace);
      }
      expect(text, what).not.toContain(tmp);
      expect(text, what).not.toContain(os.tmpdir() + path.sep);
      expect(text, what).not.toContain('file:/');
    }
  });

  it('importing says which kind of archive it is; the team archive is complete', async () => {
    const b = await startResearcher('Onderzoeker B', path.join(tmp, 'data-b'));
    try {
      b.open.push([path.join(out, 'others.vkz')]);
      const fromOthers = await b.call('exchange.importArchive', {});
      expect(fromOthers?.archiveKind).toBe('others');
      expect(await b.call('pseudonyms.get', { trajectoryId })).toEqual([]);

      const team = await saveAs('team.vkz', () =>
        a.call('exchange.exportArchive', { scope: { kind: 'trajectory', trajectoryId }, kind: 'research-team', includeMedia: false }),
      );
      const c = await startResearcher('Onderzoeker C', path.join(tmp, 'data-c'));
      try {
        c.open.push([team]);
        expect((await c.call('exchange.importArchive', {}))?.archiveKind).toBe('research-team');
        const method = (await c.call('method.get', { cycleId })).method;
        expect(method.feedback.map((f) => f.text)).toContain(PRIVATE);
      } finally {
        c.backend.close();
      }
    } finally {
      b.backend.close();
    }
  });

  it('the export log holds one line per export, with what was withheld, and saves as CSV', async () => {
    const log = await a.call('exportLog.list', { trajectoryId });
    const reports = log.filter((e) => e.what === 'report');
    expect(reports).toHaveLength(6);
    // Two pieces of feedback are "niet delen" now: the private one and the withdrawn one.
    expect(reports.every((e) => e.withheld === 2)).toBe(true);
    expect(log.filter((e) => e.what === 'notes').map((e) => e.format).sort()).toEqual(['csv', 'eaf', 'srt', 'vtt']);
    expect(log.find((e) => e.what === 'archive-others')).toMatchObject({ withheld: 2, scope: 'trajectory', format: 'vkz' });
    expect(log.find((e) => e.what === 'archive-team')).toMatchObject({ withheld: 0 });
    expect(log.map((e) => e.what)).toEqual(expect.arrayContaining(['clips', 'showreel', 'review-package']));
    expect(log.find((e) => e.what === 'review-package')).toMatchObject({ withheld: 2, format: 'zip' });
    expect(new Set(log.map((e) => e.pseudonymCount))).toEqual(new Set([2]));
    const csv = await saveAs('exportlog.csv', () => a.call('exportLog.exportCsv', { trajectoryId }));
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\r\n').filter((l) => l !== '')).toHaveLength(log.length + 1);
    expect(findListedNames(text, LIST)).toEqual([]);
  });

  it('the shared feedback did travel, pseudonymised', () => {
    const report = outputs.find(([what]) => what === 'report cycle html')![1];
    expect(report).toContain('voelde me gehoord');
    expect(report).toContain('[naam cliënt]');
  });

  it('feedback shared after the agendas were built travels everywhere feedback goes, without regenerating', () => {
    for (const what of ['report cycle html', 'report cycle docx', 'report cycle pdf', 'review reflection', 'review package', 'archive for others']) {
      expect(outputs.find(([w]) => w === what)![1], what).toContain(RESHARED);
    }
  });
});
