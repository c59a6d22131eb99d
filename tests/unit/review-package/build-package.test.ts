// The review package's document: agenda order, clips per fragment, the sharing rules read fresh
// from the method record (a "niet delen" secret never gets in, even when an agenda's stored copy
// still has it as shared), pseudonyms everywhere (a listed name never gets in), the embedded JSON
// safe against `</script>`, and the answers file's checksum.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PseudonymisationError } from '../../../shared/exchange/pseudonymise';
import {
  buildReflectionAgenda,
  type ClientFeedback,
  CycleMethod,
  methodForStorage,
  methodWithLiveFeedback,
  moveItemsToFront,
  newCycleMethod,
  orderedItems,
  visibleAgenda,
} from '../../../shared/method';
import {
  answersChecksum,
  AnswersFileError,
  applyAnswers,
  buildReviewPackage,
  readAnswersFile,
  renderPackagePage,
  type ReviewPackageInput,
} from '../../../shared/review-package';
import { clientFeedback, counterIds, fragment, kijkwijzer, video1, video2 } from '../method/fixtures';

const SECRET = 'GEHEIM-7731';
const pseudonyms = [{ name: 'Jan de Vries', replacement: '[naam cliënt]' }, { name: 'Jan', replacement: '[naam cliënt]' }];
const fragments = [
  fragment('f1', { recordingId: 'rec-1', inSec: 360, outSec: 390, title: 'Jan twijfelt', themes: ['authenticity'], forCaseManager: true, note: 'Jans moeder belt' }),
  fragment('f2', { recordingId: 'rec-2', inSec: 10, outSec: 20, title: 'Doel', themes: ['shared-goal'], forCaseManager: true, valence: 'positive' }),
];

function agendaFor(feedback: ClientFeedback[], intake = newCycleMethod('cycle-1', 'kijkwijzer').intake) {
  return buildReflectionAgenda({
    framework: kijkwijzer,
    lang: 'nl',
    intake,
    fragments,
    notes: [],
    recordings: [video1, video2],
    feedback,
    clientLabel: 'Jan de Vries',
    previousIntentions: [],
    newId: counterIds(),
  });
}

function method(): CycleMethod {
  const base = newCycleMethod('cycle-1', 'kijkwijzer');
  const feedback = [
    clientFeedback('fb-share', { fragmentId: 'f1', themeId: 'authenticity', text: 'Jan voelde zich gehoord', sharing: 'share', speakerLabel: 'Jan de Vries' }),
    clientFeedback('fb-private', { fragmentId: 'f1', themeId: 'authenticity', text: SECRET, sharing: 'private' }),
    clientFeedback('fb-later-private', { fragmentId: null, themeId: null, text: `Eerst gedeeld ${SECRET}-2`, sharing: 'share' }),
  ];
  const intake = { ...base.intake, doubts: [{ id: 'd1', text: 'Ben ik te sturend bij Jan?' }] };
  // The agenda is built while fb-later-private was still shared; the client changed their mind after.
  const reflectionAgenda = agendaFor(feedback, intake);
  return {
    ...base,
    intake,
    reflectionAgenda,
    feedback: feedback.map((f) => (f.id === 'fb-later-private' ? { ...f, sharing: 'private' as const } : f)),
  };
}

function input(over: Partial<ReviewPackageInput> = {}): ReviewPackageInput {
  return {
    packageId: 'pkg-1',
    madeOn: '2026-11-29',
    trajectory: { caseManager: 'KM-1', client: 'Jan de Vries' },
    cycle: { id: 'cycle-1', number: 1, title: 'Gesprek met Jan', date: '2025-03-10' },
    method: method(),
    framework: kijkwijzer,
    fragments,
    recordings: [video1, video2],
    source: { kind: 'reflection' },
    pseudonyms,
    lang: 'nl',
    ...over,
  };
}

describe('the review package document', () => {
  it('holds the agenda in order, one clip per fragment, with "video 2" labels', () => {
    const { document, clips } = buildReviewPackage(input());
    const agendaIds = orderedItems(input().method.reflectionAgenda!).filter((i) => i.source.kind !== 'feedback').map((i) => i.id);
    expect(document.items.map((i) => i.id)).toEqual(agendaIds);
    expect(clips.map((c) => [c.file, c.fragmentId, c.inSec, c.outSec])).toEqual([
      ['clips/01.mp4', 'f1', 360, 390],
      ['clips/02.mp4', 'f2', 10, 20],
    ]);
    expect(document.items.flatMap((i) => (i.clip ? [i.clip.label] : []))).toEqual(['6:00 – 6:30 (video 1)', '0:10 – 0:20 (video 2)']);
    expect(document.doubts).toEqual([]); // the agenda's own doubt item carries them
    expect(document.texts.whatDoYouSee).toBe('Wat zie je nu?');
  });

  it('never carries private feedback, nor feedback made private after the agenda was built', () => {
    const json = JSON.stringify(buildReviewPackage(input()).document);
    expect(json).not.toContain(SECRET);
    expect(json).toContain('voelde zich gehoord');
  });

  it("files answers about the client's feedback under an agenda item that shows it, not one whose feedback is all private", () => {
    const feedback = [
      clientFeedback('general-private', { text: SECRET, sharing: 'private' }),
      clientFeedback('goal-later-shared', { themeId: 'shared-goal', text: 'Ik wil eigenlijk iets anders', sharing: 'private' }),
    ];
    const agenda = agendaFor(feedback);
    // Shared after the agenda was built.
    const live = feedback.map((f) => (f.id === 'goal-later-shared' ? { ...f, sharing: 'share' as const } : f));
    const { document } = buildReviewPackage(input({ method: { ...method(), reflectionAgenda: agenda, feedback: live } }));
    const goalItem = agenda.items.find((i) => i.source.kind === 'feedback' && i.source.refId === 'shared-goal')!;
    const packaged = document.items.find((i) => i.feedback.some((f) => f.text.includes('iets anders')));
    expect(packaged?.id).toBe(goalItem.id);
    expect(JSON.stringify(document)).not.toContain(SECRET);
  });

  it('files answers under no item the reflection page hides, when no item refers to the shared feedback', () => {
    // At build time only private general feedback: its item is silent (on no screen).
    const atBuild = [clientFeedback('general-private', { text: SECRET, sharing: 'private' })];
    const agenda = agendaFor(atBuild);
    // Then the client gives shared feedback on a theme; no regeneration, so no item refers to it.
    const feedback = [...atBuild, clientFeedback('goal-new', { themeId: 'shared-goal', text: 'Ik wil eigenlijk iets anders', sharing: 'share' })];
    const m = methodForStorage({ ...method(), reflectionAgenda: agenda, feedback });
    const { document } = buildReviewPackage(input({ method: m }));
    const packaged = document.items.find((i) => i.feedback.some((f) => f.text.includes('iets anders')))!;
    const shown = visibleAgenda(methodWithLiveFeedback(m, 'Jan de Vries', 'nl').reflectionAgenda!).items;
    const silent = agenda.items.find((i) => i.source.kind === 'feedback' && i.source.refId === null)!;
    expect(packaged.id).not.toBe(silent.id);
    // Either an item the page shows, or (no such item) the package's own id for the block.
    const named = agenda.items.find((i) => i.id === packaged.id);
    expect(named === undefined || shown.some((i) => i.id === named.id)).toBe(true);
  });

  it('replaces every listed name, and refuses a document that would still hold one', () => {
    const { document } = buildReviewPackage(input());
    const json = JSON.stringify(document);
    expect(json).not.toMatch(/Jan/);
    expect(json).toContain("[naam cliënt]'s moeder");
    expect(() => buildReviewPackage(input({ pseudonyms: [{ name: 'Jan', replacement: 'Jan X' }] }))).toThrow(PseudonymisationError);
  });

  it('leaves out what the researcher unticks, and its clip with it', () => {
    const full = buildReviewPackage(input());
    const fragmentItem = full.document.items.find((i) => i.clip?.file === 'clips/01.mp4')!;
    const { document, clips } = buildReviewPackage(input({ leaveOut: [fragmentItem.id] }));
    expect(document.items.map((i) => i.id)).not.toContain(fragmentItem.id);
    expect(clips.map((c) => c.fragmentId)).toEqual(['f2']);
  });

  it('makes a theme package with the intake shown on top, in English for an English cycle', () => {
    const { document } = buildReviewPackage(input({ source: { kind: 'theme', themeId: 'shared-goal' }, lang: 'en' }));
    expect(document.title).toBe('Preparation: fragments about Shared goal');
    expect(document.items).toHaveLength(1);
    expect(document.doubts).toEqual(['Ben ik te sturend bij [naam cliënt]?']);
    expect(document.texts.whatDoYouSee).toBe('What do you see now?');
  });

  it('embeds JSON that no user text can break out of', () => {
    const evil = '</script><script>alert(1)</script><!-- \u2028 $& $1';
    const withEvil = [{ ...fragments[0]!, title: evil }, fragments[1]!];
    const { document } = buildReviewPackage(input({ fragments: withEvil, method: { ...method(), reflectionAgenda: null } , source: { kind: 'theme', themeId: 'authenticity' } }));
    const template = '<html lang="{{lang}}"><title>{{title}}</title><script type="application/json">/*VKZ_PACKAGE_JSON*/</script></html>';
    const html = renderPackagePage(template, document);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain('<!--');
    const json = html.slice(html.indexOf('json">') + 6, html.lastIndexOf('</script>'));
    expect(JSON.parse(json).items[0].title).toBe(evil);
  });
});

describe('the page template', () => {
  const template = readFileSync(path.resolve(__dirname, '../../../resources/review-package/index.html'), 'utf8');

  it('puts data on the page as text only, and needs no network', () => {
    expect(template).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|fetch\(|XMLHttpRequest|https?:\/\//);
    expect(template).toMatch(/Content-Security-Policy" content="default-src 'none'/);
  });

  it('fills its slots once each', () => {
    const html = renderPackagePage(template, buildReviewPackage(input()).document);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<title>Voorbereiding reflectiegesprek</title>');
    expect(html).not.toContain('VKZ_PACKAGE_JSON');
  });
});

describe('answers files', () => {
  const content = {
    format: 'vkz-antwoorden' as const,
    version: 1 as const,
    packageId: 'pkg-1',
    cycleId: 'cycle-1',
    savedAt: '2026-11-29T10:00:00.000Z',
    answers: [{ itemId: 'item-9', title: 'Doel', text: 'Zie ik nu anders', discuss: true }],
    doubts: 'Nieuwe twijfel\n\n',
  };

  it('reads a file whose checksum holds, and refuses changed, cut-off and foreign files', async () => {
    const text = JSON.stringify({ ...content, checksum: await answersChecksum(content) });
    expect((await readAnswersFile(text)).answers[0]!.text).toBe('Zie ik nu anders');
    const problem = (t: string) => readAnswersFile(t).then(() => null, (e: AnswersFileError) => e.problem);
    expect(await problem(text.replace('anders', 'beter'))).toBe('tampered');
    expect(await problem(text.slice(0, 40))).toBe('unreadable');
    expect(await problem('{"format":"iets anders"}')).toBe('not-answers');
  });

  it('reads method records from before preparations existed', () => {
    const { preparations: _, ...older } = method();
    expect(CycleMethod.parse(older).preparations).toEqual([]);
  });

  it('applies answers to their cycle only, adds each new doubt once', () => {
    const m = method();
    const applied = applyAnswers(m, { ...content, checksum: '0'.repeat(64) }, 'now', counterIds('doubt'));
    expect(applied.method.preparations).toHaveLength(1);
    expect(applied.method.intake.doubts.map((d) => d.text)).toEqual(['Ben ik te sturend bij Jan?', 'Nieuwe twijfel']);
    expect(() => applyAnswers(m, { ...content, cycleId: 'other', checksum: '0'.repeat(64) }, 'now', counterIds())).toThrow(AnswersFileError);
  });

  it('flags no item the reflection page hides, so none moves to the front unseen', () => {
    const feedback = [clientFeedback('general-private', { text: SECRET, sharing: 'private' })];
    const agenda = agendaFor(feedback);
    const silent = agenda.items.find((i) => i.source.kind === 'feedback' && i.source.refId === null)!;
    const fragmentItem = agenda.items.find((i) => i.fragmentId === 'f1')!;
    const m = methodForStorage({ ...method(), reflectionAgenda: agenda, feedback });
    const answers = [silent, fragmentItem].map((i) => ({ itemId: i.id, title: i.title, text: 'Bespreken', discuss: true }));
    const applied = applyAnswers(m, { ...content, answers, checksum: '0'.repeat(64) }, 'now', counterIds('doubt'));
    expect(applied.flaggedItemIds).toEqual([fragmentItem.id]);
  });

  it('moves flagged items to the front of their theme group, in their order', () => {
    const agenda = method().reflectionAgenda!;
    const focused = orderedItems(agenda).filter((i) => i.section === 'focused-questions');
    const fragmentItems = focused.filter((i) => i.fragmentId !== null);
    const moved = moveItemsToFront(agenda, fragmentItems.map((i) => i.id));
    const after = orderedItems(moved).filter((i) => i.section === 'focused-questions');
    // An item without a theme group goes to the front of its section.
    const closing = orderedItems(agenda).filter((i) => i.section === 'closing');
    const last = closing.at(-1)!;
    const reordered = orderedItems(moveItemsToFront(agenda, [last.id])).filter((i) => i.section === 'closing');
    expect(reordered.map((i) => i.id)).toEqual([last.id, ...closing.slice(0, -1).map((i) => i.id)]);
    // Each fragment item now directly follows its theme item.
    for (const item of fragmentItems) {
      const at = after.findIndex((i) => i.id === item.id);
      expect(after[at - 1]!.source.kind).toBe('theme');
    }
  });
});
