import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n';
import en from '../../../resources/i18n/en.json';
import nl from '../../../resources/i18n/nl.json';

describe('translations', () => {
  it('English has exactly the Dutch keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const dict of [nl, en]) for (const value of Object.values(dict)) expect(value.trim()).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('fills placeholders and falls back to Dutch, then to the key', () => {
    expect(translate('en', en, nl, 'library.defaultCycleTitle', { n: 3 })).toBe('Conversation 3');
    expect(translate('en', {}, nl, 'library.defaultCycleTitle', { n: 2 })).toBe('Gesprek 2');
    expect(translate('en', en, nl, 'no.such.key')).toBe('no.such.key');
    expect(translate('nl', nl, nl, 'library.defaultCycleTitle', { other: 1 })).toBe('Gesprek {n}');
  });

  it('says "1 cyclus" and "2 cycli": the plural form through Intl.PluralRules', () => {
    expect(translate('nl', nl, nl, 'library.cycleCount', { count: 1 })).toBe('1 cyclus');
    expect(translate('nl', nl, nl, 'library.cycleCount', { count: 2 })).toBe('2 cycli');
    expect(translate('nl', nl, nl, 'library.cycleCount', { count: 0 })).toBe('0 cycli');
    expect(translate('en', en, nl, 'library.cycleCount', { count: 1 })).toBe('1 cycle');
    expect(translate('en', en, nl, 'library.cycleCount', { count: 21 })).toBe('21 cycles');
    expect(translate('en', en, nl, 'library.cycleCount', { count: 1.5 })).toBe('1.5 cycles');
    expect(translate('nl', nl, nl, 'exchange.n.notes', { count: 1 })).toBe('1 notitie');
    expect(translate('nl', nl, nl, 'exchange.n.notes', { count: 10_000 })).toBe('10000 notities');
  });

  it('plural forms: a missing category falls back to "other", a missing language to Dutch', () => {
    const dict = { 'x.other': '{count} things' };
    expect(translate('en', dict, nl, 'x', { count: 1 })).toBe('1 things');
    // A language with more categories (Polish: few, many) still finds a form.
    expect(translate('pl', { 'x.one': 'jeden', 'x.few': '{count} rzeczy', 'x.other': 'inne' }, nl, 'x', { count: 3 })).toBe('3 rzeczy');
    expect(translate('en', {}, nl, 'library.cycleCount', { count: 1 })).toBe('1 cyclus');
    // A count given as text does not choose a form: the plain key, or the key itself.
    expect(translate('nl', nl, nl, 'library.cycleCount', { count: '1' })).toBe('library.cycleCount');
  });

  it('every plural text has an "other" form in both languages, and the same forms', () => {
    for (const dict of [nl, en] as Record<string, string>[]) {
      for (const key of Object.keys(dict).filter((k) => /\.(zero|one|two|few|many)$/.test(k))) {
        expect(Object.hasOwn(dict, key.replace(/\.\w+$/, '.other')), key).toBe(true);
      }
    }
  });

  it('"1 trajecten" cannot happen: a counted noun after a placeholder only in a plural text', () => {
    // The nouns a language counts are the words its plural texts change between the forms
    // ("notitie"/"notities"); a plain text with "{something} <such a noun>" gets its number from
    // elsewhere and says "1 notities".
    const words = (text: string) => text.toLowerCase().match(/\p{L}[\p{L}']*/gu) ?? [];
    for (const dict of [nl, en] as Record<string, string>[]) {
      const isPlural = (key: string) => /\.(zero|one|two|few|many|other)$/.test(key);
      const counted = new Set<string>();
      for (const [key, text] of Object.entries(dict)) {
        if (!key.endsWith('.other')) continue;
        const one = new Set(words(dict[key.replace(/other$/, 'one')] ?? ''));
        for (const word of words(text)) if (!one.has(word)) counted.add(word);
      }
      expect(counted.size).toBeGreaterThan(5);
      const bypassing = Object.entries(dict)
        .filter(([key]) => !isPlural(key))
        .filter(([, text]) => [...text.matchAll(/\{\w+\} (\p{L}[\p{L}']*)/gu)].some((m) => counted.has(m[1]!.toLowerCase())))
        .map(([key]) => key);
      expect(bypassing).toEqual([]);
    }
    expect(translate('nl', nl, nl, 'backups.trajectories', { count: 1 })).toBe('1 traject');
    expect(translate('en', en, nl, 'backups.trajectories', { count: 1 })).toBe('1 trajectory');
    expect(translate('nl', nl, nl, 'forget.confirmMessage', { count: 1 })).toContain('de 1 cyclus met zijn notities');
  });

  it('every key the renderer uses exists', () => {
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name)) {
          const source = readFileSync(full, 'utf8');
          for (const m of source.matchAll(/\bt\('([\w.-]+)'/g)) used.add(m[1]!);
          for (const m of source.matchAll(/label: '([\w.-]+)'/g)) used.add(m[1]!);
        }
      }
    };
    walk(path.resolve(__dirname, '../../../renderer/src'));
    const missing = [...used].filter((key) => !Object.hasOwn(nl, key) && !Object.hasOwn(nl, `${key}.other`));
    expect(missing).toEqual([]);
  });
});
