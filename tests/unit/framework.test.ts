import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  focusedThemes,
  type Framework,
  FrameworkError,
  localText,
  openThemes,
  parseFramework,
  themeById,
} from '../../shared/framework';

function readShipped(name: string): unknown {
  const file = fileURLToPath(new URL(`../../resources/frameworks/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8'));
}

function allQuestionIds(fw: Framework): string[] {
  return [
    ...fw.themes.flatMap((t) => [...t.questions, ...t.subQuestions]),
    ...Object.values(fw.questionSets).flat(),
  ].map((q) => q.id);
}

function allTexts(fw: Framework): { nl: string; en: string }[] {
  return [
    fw.name,
    fw.description,
    ...fw.themes.flatMap((t) => [t.label, t.short, ...t.questions.map((q) => q.text), ...t.subQuestions.map((q) => q.text)]),
    ...Object.values(fw.questionSets).flat().map((q) => q.text),
  ];
}

describe.each(['kijkwijzer', 'samenleerwijzer'])('shipped framework %s', (name) => {
  const fw = parseFramework(readShipped(name), `${name}.json`);

  it('parses and has the file name as id', () => {
    expect(fw.id).toBe(name);
    expect(fw.version).toBeGreaterThanOrEqual(1);
  });

  it('has unique theme and question ids', () => {
    const themeIds = fw.themes.map((t) => t.id);
    expect(new Set(themeIds).size).toBe(themeIds.length);
    const questionIds = allQuestionIds(fw);
    expect(new Set(questionIds).size).toBe(questionIds.length);
  });

  it('has every text in Dutch and English', () => {
    for (const text of allTexts(fw)) {
      expect(text.nl.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
    }
  });

  it('gives every theme at least one question', () => {
    for (const theme of fw.themes) expect(theme.questions.length).toBeGreaterThan(0);
  });
});

describe('Kijkwijzer', () => {
  const fw = parseFramework(readShipped('kijkwijzer'), 'kijkwijzer.json');

  it('has the three focused questions in the method order 1, 2, 3', () => {
    const focused = focusedThemes(fw);
    expect(focused.map((t) => t.id)).toEqual(['authenticity', 'shared-goal', 'intervention-logic']);
    expect(focused.map((t) => t.order)).toEqual([1, 2, 3]);
    expect(focused.map((t) => localText(t.short, 'nl'))).toEqual(['Echtheid', 'Doel', 'Interventielogica']);
  });

  it('has the four open-question themes', () => {
    expect(openThemes(fw).map((t) => t.id)).toEqual(['flow', 'resistance', 'touching-moments', 'results']);
  });

  it('gives intervention logic its three sub-questions', () => {
    expect(themeById(fw, 'intervention-logic')?.subQuestions).toHaveLength(3);
    expect(themeById(fw, 'authenticity')?.subQuestions).toEqual([]);
  });

  it('has every question set the method needs', () => {
    const s = fw.questionSets;
    expect(s.interviewGeneral).toHaveLength(4);
    expect(s.reflectionFragment).toHaveLength(4);
    expect(s.takeaways).toHaveLength(2);
    expect(s.evaluation).toHaveLength(2);
    expect(s.followUpOpening).toHaveLength(4);
    expect(s.interviewFragment[0]?.text.nl).toMatch(/gebeurt/);
    // The interview ends with the reminder that taking part is voluntary.
    expect(s.interviewClosing.some((q) => /vrijwillig/.test(q.text.nl) && /voluntary/.test(q.text.en))).toBe(true);
  });

  it('asks authenticity in natural Dutch', () => {
    expect(localText(themeById(fw, 'authenticity')!.questions[0]!.text, 'nl')).toBe(
      'Hoe open en eerlijk is het gesprek, van beide kanten?',
    );
    expect(localText(themeById(fw, 'authenticity')!.questions[0]!.text, 'en')).toBe(
      'How open and honest is the conversation, from both sides?',
    );
  });
});

describe('Samenleerwijzer', () => {
  const fw = parseFramework(readShipped('samenleerwijzer'), 'samenleerwijzer.json');

  it('has four open theme cards in order and no focused themes', () => {
    expect(focusedThemes(fw)).toEqual([]);
    expect(openThemes(fw).map((t) => t.order)).toEqual([1, 2, 3, 4]);
  });

  it('uses the conversation sheet prompts A, B, C per reviewed moment', () => {
    expect(fw.questionSets.reflectionFragment.map((q) => q.text.nl.slice(0, 2))).toEqual(['A.', 'B.', 'C.']);
  });
});

describe('parseFramework errors', () => {
  const valid = readShipped('kijkwijzer') as Record<string, unknown>;

  function errorOf(json: unknown, source = 'my-framework.json'): FrameworkError {
    try {
      parseFramework(json, source);
    } catch (error) {
      expect(error).toBeInstanceOf(FrameworkError);
      return error as FrameworkError;
    }
    throw new Error('expected parseFramework to throw');
  }

  it('names the source and the path of a missing field', () => {
    const broken = structuredClone(valid) as { themes: { label: { nl?: string } }[] };
    delete broken.themes[1]!.label.nl;
    const error = errorOf(broken, '/data/frameworks/my-framework.json');
    expect(error.source).toBe('/data/frameworks/my-framework.json');
    expect(error.message).toContain('/data/frameworks/my-framework.json');
    expect(error.message).toContain('themes.1.label.nl');
  });

  it('names a wrong theme kind', () => {
    const broken = structuredClone(valid) as { themes: { kind: string }[] };
    broken.themes[0]!.kind = 'closed';
    expect(errorOf(broken).message).toContain('themes.0.kind');
  });

  it('rejects duplicate theme ids and duplicate question ids', () => {
    const broken = structuredClone(valid) as { themes: { id: string; questions: { id: string }[] }[] };
    broken.themes[1]!.id = broken.themes[0]!.id;
    broken.themes[2]!.questions[0]!.id = broken.themes[3]!.questions[0]!.id;
    const message = errorOf(broken).message;
    expect(message).toContain('themes.1.id: duplicate theme id "flow"');
    expect(message).toContain('duplicate question id');
  });

  it('reports a non-object clearly', () => {
    expect(errorOf('nonsense').message).toMatch(/my-framework\.json is not valid: \(top level\)/);
    expect(errorOf(null).message).toContain('my-framework.json');
  });

  it('treats missing question sets and sub-questions as empty', () => {
    const minimal = {
      id: 'mine',
      version: 1,
      name: { nl: 'Mijn', en: 'Mine' },
      description: { nl: '', en: '' },
      themes: [
        {
          id: 'a',
          kind: 'open',
          order: 1,
          label: { nl: 'A', en: 'A' },
          short: { nl: 'A', en: 'A' },
          questions: [{ id: 'a1', text: { nl: 'Vraag', en: 'Question' } }],
        },
      ],
      questionSets: {},
    };
    const fw = parseFramework(minimal, 'mine.json');
    expect(fw.themes[0]!.subQuestions).toEqual([]);
    expect(fw.questionSets.followUpOpening).toEqual([]);
  });
});

describe('localText', () => {
  it('picks the language and falls back when it is empty', () => {
    expect(localText({ nl: 'Echtheid', en: 'Authenticity' }, 'en')).toBe('Authenticity');
    expect(localText({ nl: 'Echtheid', en: '' }, 'en')).toBe('Echtheid');
    expect(localText({ nl: ' ', en: 'Authenticity' }, 'nl')).toBe('Authenticity');
  });
});
