// The report with a still frame per fragment, through the backend: real SQLite, real recordings,
// real ffmpeg. Four recordings: one there (the fragment has a chosen still moment), one whose
// file is gone (its still is left out with a warning), one whose original is gone but whose
// proxy is there (the still comes from the proxy), and a voice recording (no picture: a warning). The preview gets page URLs the app serves
// from the recording's cache; HTML embeds the JPEGs as data: URLs, DOCX as images with a caption,
// the PDF (printed from the HTML) carries them too.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../../shared/contract';
import { handleAppRequest } from '../../../electron/services/app-request';
import { createBackend, type Backend } from '../../../electron/services/backend/backend';
import { docxText, findChromium } from '../../../electron/services/export';
import { jpegSize } from '../../../electron/services/media/still';
import { makeFixture } from '../../support/media-fixtures';

const repoRoot = path.resolve(__dirname, '../../..');
let tmp: string;
let out: string;
let dataDir: string;
let backend: Backend;
const saveDialog: (string | null)[] = [];
const mediaDialog: string[][] = [];
let cycleId: string;
const ids = { here: '', gone: '', proxied: '', voice: '' };

async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const preview = (includeStills?: boolean) =>
  ok<ResponseOf<'report.preview'>>(backend.handle('report.preview', { cycleId, scope: 'cycle', ...(includeStills === undefined ? {} : { includeStills }) }));

async function exportAs(format: 'html' | 'docx' | 'pdf', name: string, includeStills = true): Promise<Buffer> {
  saveDialog.push(path.join(out, name));
  const { path: written } = await ok<ResponseOf<'report.export'>>(backend.handle('report.export', { cycleId, scope: 'cycle', format, includeStills }));
  return readFileSync(written!);
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-report-stills-'));
  out = path.join(tmp, 'exports');
  mkdirSync(out);
  dataDir = path.join(tmp, 'data');
  const mediaDir = path.join(tmp, 'media');
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 6, width: 320, height: 180 });
  const files = ['gesprek-1.mp4', 'gesprek-2.mp4', 'gesprek-3.mp4'].map((name) => path.join(mediaDir, name));
  for (const file of files) copyFileSync(video, file);
  files.push(await makeFixture('audio-only', mediaDir, { durationSec: 6 }));
  backend = createBackend({
    dataDir,
    resourcesPath: path.join(repoRoot, 'resources'),
    appVersion: 'test',
    pickMediaFiles: async () => mediaDialog.shift() ?? [],
    pickSavePath: async () => saveDialog.shift() ?? null,
    mediaUrlFor: (id, version) => `/media/${id}?v=${version}`,
    emit: () => {},
  });
  await ok(backend.handle('settings.update', { authorName: 'Onderzoeker A' }));
  const trajectory = await ok<ResponseOf<'trajectories.create'>>(backend.handle('trajectories.create', { caseManager: 'KM-3', client: 'Cliënt A' }));
  cycleId = (await ok<ResponseOf<'cycles.create'>>(backend.handle('cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek 1', date: '2026-11-20' }))).id;
  mediaDialog.push(files);
  const added = await ok<ResponseOf<'recordings.addViaDialog'>>(backend.handle('recordings.addViaDialog', { cycleId }));
  await backend.idle();
  const [here, gone, proxied, voice] = added.added.map((r) => r.id);

  const fragment = async (recordingId: string, inSec: number, outSec: number, title: string) => {
    const f = await ok<ResponseOf<'fragments.create'>>(backend.handle('fragments.create', { recordingId, inSec, outSec, title, themes: ['authenticity'] }));
    await ok(backend.handle('fragments.update', { id: f.id, patch: { forCaseManager: true } }));
    return f.id;
  };
  ids.here = await fragment(here!, 1, 5, 'Het begin');
  ids.gone = await fragment(gone!, 1, 3, 'Weg');
  ids.proxied = await fragment(proxied!, 2, 4, 'Via de proxy');
  ids.voice = await fragment(voice!, 1, 2, 'Alleen geluid');
  // The chosen moment of the first fragment; the others use their middle.
  const updated = await ok<ResponseOf<'fragments.update'>>(backend.handle('fragments.update', { id: ids.here, patch: { stillSec: 2.2 } }));
  expect(updated.stillSec).toBe(2.2);
  const outside = await backend.handle('fragments.update', { id: ids.here, patch: { stillSec: 5.5 } });
  expect(outside).toMatchObject({ ok: false });

  // Recording 2's file is gone; recording 3's original is gone, its proxy is there.
  rmSync(files[1]!);
  const proxy = path.join(tmp, 'proxy-3.mp4');
  copyFileSync(files[2]!, proxy);
  rmSync(files[2]!);
  backend.store.recordings.updateProxy(proxied!, { proxyState: 'done', proxyPath: proxy });
  await ok(backend.handle('method.buildReflectionAgenda', { cycleId }));
}, 120_000);

afterAll(async () => {
  await backend?.idle();
  backend?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the report with stills', () => {
  it('has no stills unless asked', async () => {
    const plain = await preview();
    expect(plain.document.blocks.some((b) => b.type === 'image')).toBe(false);
    expect(plain.stills).toEqual({});
    expect(plain.html).not.toContain('<img');
    expect((await preview(false)).stills).toEqual({});
  });

  it('previews the stills as page URLs from the recording\'s cache, and warns about the one it cannot take', async () => {
    const result = await preview(true);
    const images = result.document.blocks.filter((b) => b.type === 'image');
    expect(images.map((b) => b.caption).sort()).toEqual([
      'fragment 0:01 – 0:02 (video 4), beeld op 0:01.5',
      'fragment 0:01 – 0:03 (video 2), beeld op 0:02',
      'fragment 0:01 – 0:05 (video 1), beeld op 0:02.2',
      'fragment 0:02 – 0:04 (video 3), beeld op 0:03',
    ]);
    const here = backend.store.fragments.get(ids.here)!;
    const proxied = backend.store.fragments.get(ids.proxied)!;
    expect(result.stills).toEqual({
      [`fragment:${ids.here}`]: `/media/${here.recordingId}/still-2200-320.jpg`,
      [`fragment:${ids.proxied}`]: `/media/${proxied.recordingId}/still-3000-320-proxy.jpg`,
    });
    expect(result.warnings).toContain(
      'Het stilstaand beeld bij fragment 0:01 – 0:03 (video 2) is weggelaten: de opname staat niet op deze computer.',
    );
    expect(result.warnings).toContain('Het stilstaand beeld bij fragment 0:01 – 0:02 (video 4) is weggelaten: de opname heeft geen beeld.');
    expect(result.document.warnings).toEqual(result.warnings);
    expect(result.html.match(/<img src="data:image\/jpeg;base64,/g)).toHaveLength(2);

    // The app serves exactly these files, as JPEG; nothing else from the cache folder.
    const ctx = {
      rendererDir: path.join(tmp, 'no-renderer'),
      resolveMediaPath: (id: string) => backend.resolveMediaPath(id),
      resolveTimelineFile: (id: string, file: string) => backend.resolveTimelineFile(id, file),
    };
    const get = (url: string) => handleAppRequest(new Request(`http://127.0.0.1${url}`), ctx);
    for (const url of Object.values(result.stills)) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(jpegSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 320, height: 180 });
    }
    expect((await get(`/media/${here.recordingId}/still-2200-320.part.jpg`)).status).toBe(404);
    expect((await get(`/media/${here.recordingId}/still-9999-320.jpg`)).status).toBe(404);
    expect((await get(`/media/${here.recordingId}/timeline.json`)).status).toBe(404);

    // Taken once, then reused: a second preview runs no ffmpeg and leaves the same files.
    const cache = path.join(dataDir, 'cache', here.recordingId);
    const before = readdirSync(cache).filter((f) => f.startsWith('still-'));
    expect(before).toEqual(['still-2200-320.jpg']);
    expect((await preview(true)).stills).toEqual(result.stills);
    expect(readdirSync(cache).filter((f) => f.startsWith('still-'))).toEqual(before);
  });

  it('embeds the stills in the HTML as JPEG data: URLs, so the file stands alone', async () => {
    const html = (await exportAs('html', 'rapport.html')).toString('utf8');
    expect(html.match(/<img src="data:image\/jpeg;base64,[A-Za-z0-9+/=]+" alt="fragment 0:0[12] – 0:0[45] \(video [13]\), beeld op 0:0[23](\.2)?">/g)).toHaveLength(2);
    expect(html).toContain('<figcaption>fragment 0:01 – 0:05 (video 1), beeld op 0:02.2</figcaption>');
    expect(html).not.toMatch(/src="(?!data:)/);
    const plain = (await exportAs('html', 'zonder.html', false)).toString('utf8');
    expect(plain).not.toContain('<img');
  });

  it('embeds the stills in the DOCX as pictures with a caption below each', async () => {
    const docx = await exportAs('docx', 'rapport.docx');
    const files = unzipSync(docx);
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    for (const file of media) expect(jpegSize(files[file]!)).toEqual({ width: 320, height: 180 });
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml.match(/<w:drawing>/g)).toHaveLength(2);
    // The picture's line grows with it (LibreOffice reads a rule-less line spacing as exact and
    // would show a strip), and the fragment stays on the page of its still.
    expect(xml.match(/<w:p><w:pPr><w:keepNext\/><w:spacing [^>]*w:lineRule="auto"\/><\/w:pPr><w:r><w:drawing>/g)).toHaveLength(2);
    expect(xml.match(/<w:pStyle w:val="FragmentDetail"\/><w:keepNext\/><\/w:pPr>/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:pStyle w:val="Caption"\/>.*?fragment 0:01 – 0:05 \(video 1\), beeld op 0:02\.2/);
    expect(docxText(docx)).toContain('fragment 0:02 – 0:04 (video 3), beeld op 0:03');
  });

  it.skipIf(!findChromium())('prints the stills into the PDF', async () => {
    const pdf = await exportAs('pdf', 'rapport.pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    let list: string;
    try {
      list = execFileSync('pdfimages', ['-list', path.join(out, 'rapport.pdf')], { encoding: 'utf8' });
    } catch {
      return; // no poppler
    }
    const rows = list.trim().split('\n').slice(2).filter((l) => /\bimage\b/.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(out, 'rapport.pdf'), '-'], { encoding: 'utf8' })).toContain('beeld op 0:02.2');
  });
});
