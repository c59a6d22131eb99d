// Answers files (.vkz-antwoorden) come back from outside: property-based, whatever a file holds
// (a well-formed file with hostile content and a valid checksum, or a damaged copy of a real
// one), importing it gives the answers or a clear 'answers.*' refusal, never a raw error, never
// a partly changed method record, and within the test's time budget.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/services/backend/backend';
import { MAX_PREPARATIONS, newCycleMethod } from '../../../shared/method';
import { ANSWERS_FORMAT, answersChecksum, type AnswersFile } from '../../../shared/review-package';

const repoRoot = path.resolve(__dirname, '../../..');
let tmp: string;
let backend: Backend;
let cycleId: string;
const openDialog: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-answers-fuzz-'));
  backend = createBackend({
    dataDir: path.join(tmp, 'data'),
    resourcesPath: path.join(repoRoot, 'resources'),
    appVersion: 'test',
    pickMediaFiles: async () => [],
    pickOpenFile: async () => openDialog.shift() ?? null,
    mediaUrlFor: (id, version) => `/media/${id}?v=${version}`,
    emit: () => undefined,
  });
  const trajectory = backend.store.trajectories.create({ caseManager: 'KM-1', client: 'Cliënt A' }, 'Onderzoeker');
  cycleId = backend.store.cycles.create({ trajectoryId: trajectory.id, title: 'Gesprek', date: null }, 'Onderzoeker').id;
});

afterAll(() => {
  backend?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function importText(text: string, into = cycleId) {
  const method = () => JSON.stringify(backend.store.methods.get(into));
  const file = path.join(tmp, `f-${Math.random().toString(36).slice(2)}.vkz-antwoorden`);
  writeFileSync(file, text);
  openDialog.push(file);
  const before = method();
  const result = await backend.handle('reviewPackage.importAnswers', { cycleId: into });
  rmSync(file);
  if (!result.ok) {
    expect(result.error.code).toMatch(/^answers\./);
    expect(method()).toBe(before);
  }
  return result;
}

async function signed(content: Omit<AnswersFile, 'checksum'>): Promise<string> {
  return JSON.stringify({ ...content, checksum: await answersChecksum(content) });
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', '</script><script>alert(1)</script>', '=HYPERLINK("http://x")', '\u202Egnp.exe', '__proto__', '\uD800'),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 400 }).map((lines) => lines.join('\n')),
);

const content = fc.record({
  format: fc.oneof(fc.constant(ANSWERS_FORMAT), fc.string({ maxLength: 20 })),
  version: fc.oneof(fc.constant(1), fc.integer()),
  packageId: fc.oneof(fc.uuid(), hostileText),
  cycleId: fc.oneof(fc.constant('THIS'), fc.uuid(), hostileText),
  savedAt: fc.oneof(fc.constant('2026-11-29T10:00:00.000Z'), hostileText),
  answers: fc.array(fc.record({ itemId: hostileText, title: hostileText, text: hostileText, discuss: fc.boolean() }), { maxLength: 30 }),
  doubts: hostileText,
});

describe('fuzz: answers files', () => {
  it('a well-formed file with hostile content: imported, or refused with nothing changed', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(content, async (c) => {
        const result = await importText(await signed({ ...c, cycleId: c.cycleId === 'THIS' ? cycleId : c.cycleId } as Omit<AnswersFile, 'checksum'>));
        if (result.ok && result.value) expect((result.value as { answered: number }).answered).toBeLessThanOrEqual(c.answers.length);
      }),
      { numRuns: 150 },
    );
  });

  it('a damaged copy of a good file: imported whole or refused with nothing changed', { timeout: 60_000 }, async () => {
    const good = await signed({ format: ANSWERS_FORMAT, version: 1, packageId: 'p1', cycleId, savedAt: '2026-11-29T10:00:00.000Z', answers: [{ itemId: 'a', title: 'A', text: 'Antwoord', discuss: true }], doubts: 'Twijfel' });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(fc.tuple(fc.nat(good.length - 1), fc.string({ minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 5 }).map((edits) =>
            edits.reduce((text, [at, piece]) => text.slice(0, at) + piece + text.slice(at + 1), good),
          ),
          fc.nat(good.length - 1).map((n) => good.slice(0, n)),
        ),
        async (damaged) => void (await importText(damaged)),
      ),
      { numRuns: 150 },
    );
  });

  it('thousands of distinct doubt lines, file after file, are joined in linear time', { timeout: 20_000 }, async () => {
    // Compared pairwise, the fourth file alone would take 16,000 x 12,000 / 2 comparisons.
    for (const prefix of ['a', 'b', 'c', 'd']) {
      const doubts = Array.from({ length: 4000 }, (_, i) => prefix + i.toString(36).padStart(3, '0')).join('\n');
      const result = await importText(await signed({ format: ANSWERS_FORMAT, version: 1, packageId: `veel-${prefix}`, cycleId, savedAt: '2026-11-29T10:00:00.000Z', answers: [], doubts }));
      expect(result).toMatchObject({ ok: true, value: { doubtsAdded: 4000 } });
    }
  });

  it('answers from more packages than a cycle keeps: refused clearly, nothing changed', async () => {
    const cycle = backend.store.cycles.create({ trajectoryId: backend.store.cycles.get(cycleId)!.trajectoryId, title: 'Vol', date: null }, 'Onderzoeker');
    const preparation = (i: number) => ({ packageId: `pakket-${i}`, savedAt: '2026-11-29T10:00:00.000Z', importedAt: '2026-11-29T11:00:00.000Z', answers: [], doubts: '' });
    backend.store.methods.save({ ...newCycleMethod(cycle.id, 'kijkwijzer'), preparations: Array.from({ length: MAX_PREPARATIONS }, (_, i) => preparation(i)) }, 'Onderzoeker');
    const file = (packageId: string) => signed({ format: ANSWERS_FORMAT, version: 1, packageId, cycleId: cycle.id, savedAt: '2026-11-30T10:00:00.000Z', answers: [], doubts: '' });
    const before = JSON.stringify(backend.store.methods.get(cycle.id));
    expect(await importText(await file('een-te-veel'), cycle.id)).toMatchObject({ ok: false, error: { code: 'answers.too-many-packages' } });
    expect(JSON.stringify(backend.store.methods.get(cycle.id))).toBe(before);
    // A newer file of a package already kept still replaces the older one.
    expect(await importText(await file('pakket-99'), cycle.id)).toMatchObject({ ok: true });
    expect(backend.store.methods.get(cycle.id)!.preparations).toHaveLength(MAX_PREPARATIONS);
  });
});
