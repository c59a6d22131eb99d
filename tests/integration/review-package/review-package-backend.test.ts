// Review packages through the backend as both shells use them: a package made from an annotated
// cycle (clips cut at their in/out points, checked with ffprobe; the page with its document, no
// listed name, no "niet delen" feedback, no local path), cancel, and answers files coming back:
// a good one joins the method record, one for another cycle, a tampered and a truncated one are
// refused and change nothing.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent, Contract, ResponseOf } from '../../../shared/contract';
import { createBackend, type Backend } from '../../../electron/services/backend/backend';
import { locateBinaries } from '../../../electron/services/media/binaries';
import { ZipReader } from '../../../electron/services/exchange/zip-reader';
import { hasFaststartLayout, inspectIsoBmff } from '../../../electron/services/media/mp4-boxes';
import { answersChecksum, type AnswersFile, ReviewPackageDocument } from '../../../shared/review-package';
import { makeNumberedRecording, probeFacts } from '../clips/clip-media';

const execFileAsync = promisify(execFile);
type ClipEvent = Extract<AppEvent, { type: 'clip.progress' }>;
const repoRoot = path.resolve(__dirname, '../../..');
const SECRET = 'GEHEIM-niet-delen-7731';
let tmp: string;
let out: string;
let recordingFile: string;
let backend: Backend;
const saveDialog: (string | null)[] = [];
const openDialog: (string | null)[] = [];
const events: ClipEvent[] = [];
let cycleId: string;
let otherCycleId: string;
let fragmentIds: string[] = [];
let cancelWhenRunning = false;

async function ok<C extends keyof Contract>(channel: C, request: unknown): Promise<ResponseOf<C>> {
  const result = await backend.handle(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as ResponseOf<C>;
}

async function failure(channel: keyof Contract, request: unknown) {
  const result = await backend.handle(channel, request);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}

const bin = await locateBinaries({ env: process.env });

/** The document embedded in a package's index.html, read back the way the page reads it. */
function embeddedDocument(html: string) {
  const match = /<script type="application\/json" id="vkz-package">([\s\S]*?)<\/script>/.exec(html);
  return ReviewPackageDocument.parse(JSON.parse(match![1]!));
}

async function finished(jobId: string) {
  await backend.idle();
  return events.filter((e) => e.jobId === jobId).at(-1);
}

async function answersFile(content: Omit<AnswersFile, 'checksum'>, name: string, edit?: (json: string) => string) {
  const json = JSON.stringify({ ...content, checksum: await answersChecksum(content) }, null, 2);
  const file = path.join(out, name);
  writeFileSync(file, edit ? edit(json) : json);
  return file;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-package-backend-'));
  out = path.join(tmp, 'out');
  mkdirSync(out);
  recordingFile = await makeNumberedRecording(path.join(tmp, 'media'), 12, 'gesprek-Jan.mp4');
  const dialog = [[recordingFile]];
  backend = createBackend({
    dataDir: path.join(tmp, 'data'),
    resourcesPath: path.join(repoRoot, 'resources'),
    appVersion: 'test',
    pickMediaFiles: async () => dialog.shift() ?? [],
    pickSavePath: async () => saveDialog.shift() ?? null,
    pickOpenFile: async () => openDialog.shift() ?? null,
    mediaUrlFor: (id, version) => `/media/${id}?v=${version}`,
    emit: (event) => {
      if (event.type !== 'clip.progress') return;
      events.push(event);
      // The cancel test stops a package while its first clip is being cut.
      if (cancelWhenRunning && event.kind === 'package' && event.state === 'running' && event.progress > 0) {
        cancelWhenRunning = false;
        void backend.handle('clips.cancel', { jobId: event.jobId });
      }
    },
  });
  const trajectory = await ok('trajectories.create', { caseManager: 'KM-1', client: 'Cliënt A' });
  const cycle = await ok('cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek met Jan', date: '2025-03-10' });
  cycleId = cycle.id;
  otherCycleId = (await ok('cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek 2', date: null })).id;
  const { added } = await ok('recordings.addViaDialog', { cycleId });
  const recordingId = added[0]!.id;
  await ok('pseudonyms.set', { trajectoryId: trajectory.id, list: [{ name: 'Jan', replacement: '[naam cliënt]' }] });
  const first = await ok('fragments.create', { recordingId, inSec: 3, outSec: 7, title: 'Jan twijfelt </script><script>alert(1)</script>', themes: ['authenticity'] });
  const second = await ok('fragments.create', { recordingId, inSec: 9, outSec: 11, themes: ['shared-goal'], valence: 'positive' });
  fragmentIds = [first.id, second.id];
  for (const id of fragmentIds) await ok('fragments.update', { id, patch: { forCaseManager: true, forClient: true } });
  await ok('method.update', {
    cycleId,
    patch: {
      intake: { doubts: [{ id: 'd1', text: 'Ben ik te sturend bij Jan?' }], learningGoals: [], consent: 'yes', skipReason: '', nextConversationDate: null },
      feedback: [
        { id: 'f1', agendaItemId: null, fragmentId: first.id, themeId: 'authenticity', text: 'Jan voelde zich gehoord', isQuote: true, sharing: 'anonymous', speakerLabel: 'Jan' },
        { id: 'f2', agendaItemId: null, fragmentId: first.id, themeId: 'authenticity', text: SECRET, isQuote: false, sharing: 'private', speakerLabel: 'Jan' },
        { id: 'f3', agendaItemId: null, fragmentId: null, themeId: null, text: 'Het contact is goed', isQuote: false, sharing: 'share', speakerLabel: '' },
      ],
    },
  });
  await ok('method.buildReflectionAgenda', { cycleId });
});

afterAll(() => {
  backend?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('review packages through the backend', () => {
  it('plans the agenda in order with an estimated size, before anything is made', async () => {
    const plan = await ok('reviewPackage.plan', { cycleId, source: { kind: 'reflection' } });
    const withClips = plan.items.filter((i) => i.clipLabel !== null);
    // The agenda's order: authenticity before shared goal.
    expect(withClips.map((i) => i.clipLabel)).toEqual(['0:03 – 0:07', '0:09 – 0:11']);
    expect(withClips.every((i) => i.estimatedBytes > 0)).toBe(true);
    expect(plan.pageBytes).toBeGreaterThan(1000);
    expect(JSON.stringify(plan)).not.toContain('Jan');
    expect(JSON.stringify(plan)).not.toContain(SECRET);
  });

  it('makes a folder with index.html and phone-playable clips cut at the fragments, without names, secrets or paths', async () => {
    const plan = await ok('reviewPackage.plan', { cycleId, source: { kind: 'reflection' } });
    const leftOut = plan.items.find((i) => i.clipLabel === null && i.title.trim() !== '')!;
    const target = path.join(out, 'pakket');
    saveDialog.push(target);
    const { jobId, path: made } = await ok('reviewPackage.make', { cycleId, source: { kind: 'reflection' }, leaveOut: [leftOut.id] });
    expect(made).toBe(target);
    const last = await finished(jobId!);
    expect(last?.state).toBe('done');
    expect(last?.kind).toBe('package');
    expect(existsSync(`${target}.part`)).toBe(false);
    expect(readdirSync(target).sort()).toEqual(['clips', 'index.html']);
    expect(readdirSync(path.join(target, 'clips')).sort()).toEqual(['01.mp4', '02.mp4']);

    const html = readFileSync(path.join(target, 'index.html'), 'utf8');
    const doc = embeddedDocument(html);
    expect(doc.items.map((i) => i.id)).not.toContain(leftOut.id);
    expect(doc.cycleId).toBe(cycleId);
    // Text from the users never ends the script element early: the template's two only.
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(doc.items.some((i) => i.title.includes('</script><script>alert(1)</script>'))).toBe(true);
    for (const forbidden of ['Jan', SECRET, tmp, path.basename(recordingFile)]) expect(html).not.toContain(forbidden);
    expect(html).toContain('[naam cliënt]');

    // Each clip is its fragment: duration, H.264 Main + AAC, moov first, no metadata from the source.
    const clipByLabel = new Map(doc.items.filter((i) => i.clip).map((i) => [i.clip!.label, i.clip!.file]));
    for (const [label, seconds] of [['0:03 – 0:07', 4], ['0:09 – 0:11', 2]] as const) {
      const file = path.join(target, clipByLabel.get(label)!);
      const facts = await probeFacts(bin, file);
      expect(Math.abs(facts.formatDuration - seconds)).toBeLessThan(0.1);
      expect(facts.video?.frames).toBe(seconds * 25);
      expect(facts.video?.codec).toBe('h264');
      expect(facts.video?.profile).toBe('Main');
      expect(facts.audio?.codec).toBe('aac');
      expect(hasFaststartLayout(await inspectIsoBmff(file))).toBe(true);
      const { stdout } = await execFileAsync(bin.ffprobe, ['-v', 'error', '-of', 'json', '-show_entries', 'format_tags:stream_tags', file]);
      expect(stdout).not.toMatch(/Jan|gesprek|numbered|vkz-package|tmp/i);
      expect(Object.keys(JSON.parse(stdout).format.tags ?? {}).sort()).toEqual(['compatible_brands', 'encoder', 'major_brand', 'minor_version']);
    }
  });

  it('makes the same package as one .zip holding its folder', async () => {
    saveDialog.push(path.join(out, 'om te sturen'));
    const { jobId, path: made } = await ok('reviewPackage.make', { cycleId, source: { kind: 'reflection' }, leaveOut: [], asZip: true });
    const target = path.join(out, 'om te sturen.zip');
    expect(made).toBe(target);
    expect((await finished(jobId!))?.state).toBe('done');
    expect(readdirSync(out).filter((f) => f.includes('om te sturen'))).toEqual(['om te sturen.zip']);
    const zip = await ZipReader.open(target);
    expect([...zip.entries.keys()].sort()).toEqual(['om te sturen/clips/01.mp4', 'om te sturen/clips/02.mp4', 'om te sturen/index.html']);
    const html = (await zip.read(zip.entries.get('om te sturen/index.html')!, 10_000_000)).toString('utf8');
    expect(embeddedDocument(html).items.filter((i) => i.clip)).toHaveLength(2);
  });

  it('cancelling while clips are cut leaves nothing behind', async () => {
    const target = path.join(out, 'geannuleerd');
    saveDialog.push(target);
    cancelWhenRunning = true;
    const { jobId } = await ok('reviewPackage.make', { cycleId, source: { kind: 'reflection' }, leaveOut: [] });
    const last = await finished(jobId!);
    expect(last?.state).toBe('cancelled');
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.part`)).toBe(false);
    expect(events.some((e) => e.jobId === jobId && e.state === 'running')).toBe(true);
  });

  it('refuses a folder that is already there, and a theme without fragments', async () => {
    saveDialog.push(path.join(out, 'pakket'));
    expect((await failure('reviewPackage.make', { cycleId, source: { kind: 'reflection' }, leaveOut: [] })).code).toBe('package.exists');
    expect((await failure('reviewPackage.plan', { cycleId, source: { kind: 'theme', themeId: 'intervention-logic' } })).code).toBe('package.empty');
  });

  it('imports answers: under their items, flagged items reported, new doubts join the intake', async () => {
    const { method } = await ok('method.get', { cycleId });
    const items = method.reflectionAgenda!.items.filter((i) => i.fragmentId !== null);
    const content = {
      format: 'vkz-antwoorden' as const,
      version: 1 as const,
      packageId: 'pakket-1',
      cycleId,
      savedAt: '2026-11-29T10:00:00.000Z',
      answers: [
        { itemId: items[0]!.id, title: items[0]!.title, text: 'Ik zie nu dat ik te snel ging', discuss: true },
        { itemId: items[1]!.id, title: items[1]!.title, text: 'Mooi moment', discuss: false },
      ],
      doubts: 'Hoe vraag ik door?\nBen ik te sturend bij Jan?\n',
    };
    openDialog.push(await answersFile(content, 'goed.vkz-antwoorden'));
    const result = (await ok('reviewPackage.importAnswers', { cycleId }))!;
    expect(result.answered).toBe(2);
    expect(result.flagged).toEqual([{ id: items[0]!.id, title: items[0]!.title }]);
    expect(result.doubtsAdded).toBe(1);
    const stored = result.view.method;
    expect(stored.preparations).toHaveLength(1);
    expect(stored.preparations[0]!.answers.map((a) => a.text)).toEqual(['Ik zie nu dat ik te snel ging', 'Mooi moment']);
    expect(stored.intake.doubts.map((d) => d.text)).toEqual(['Ben ik te sturend bij Jan?', 'Hoe vraag ik door?']);

    // A page patch cannot wipe them; importing the same package again replaces, not adds.
    await ok('method.update', { cycleId, patch: { interviewDate: '2025-03-12' } });
    openDialog.push(await answersFile({ ...content, savedAt: '2026-11-29T11:00:00.000Z' }, 'opnieuw.vkz-antwoorden'));
    const again = (await ok('reviewPackage.importAnswers', { cycleId }))!;
    expect(again.view.method.preparations).toHaveLength(1);
    expect(again.view.method.preparations[0]!.savedAt).toBe('2026-11-29T11:00:00.000Z');
    expect(again.doubtsAdded).toBe(0);
  });

  it('refuses a file for another cycle, a tampered and a truncated file, and changes nothing', async () => {
    const before = (await ok('method.get', { cycleId })).method;
    const content = {
      format: 'vkz-antwoorden' as const,
      version: 1 as const,
      packageId: 'pakket-2',
      cycleId,
      savedAt: '2026-11-29T12:00:00.000Z',
      answers: [{ itemId: 'x', title: 'x', text: 'Nieuw antwoord', discuss: true }],
      doubts: 'Een nieuwe twijfel',
    };
    const cases: [string, string][] = [
      [await answersFile({ ...content, cycleId: otherCycleId }, 'ander.vkz-antwoorden'), 'answers.other-cycle'],
      [await answersFile(content, 'veranderd.vkz-antwoorden', (j) => j.replace('Nieuw antwoord', 'Ander antwoord')), 'answers.tampered'],
      [await answersFile(content, 'afgekapt.vkz-antwoorden', (j) => j.slice(0, Math.floor(j.length / 2))), 'answers.unreadable'],
      [await answersFile(content, 'vreemd.vkz-antwoorden', () => JSON.stringify({ hello: 'world' })), 'answers.not-answers'],
    ];
    for (const [file, code] of cases) {
      openDialog.push(file);
      expect((await failure('reviewPackage.importAnswers', { cycleId })).code).toBe(code);
    }
    expect((await ok('method.get', { cycleId })).method).toEqual(before);
    expect(await ok('reviewPackage.importAnswers', { cycleId })).toBeNull(); // dialog cancelled
  });
});
