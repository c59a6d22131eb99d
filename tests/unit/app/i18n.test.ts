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
    expect(translate(en, nl, 'library.cycleCount', { count: 3 })).toBe('3 cycles');
    expect(translate({}, nl, 'library.cycleCount', { count: 2 })).toBe('2 cycli');
    expect(translate(en, nl, 'no.such.key')).toBe('no.such.key');
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
    const missing = [...used].filter((key) => !Object.hasOwn(nl, key));
    expect(missing).toEqual([]);
  });
});
