// The export log's records and how they read: one entry per export of a trajectory's data
// (electron/services/store/export-log-repo.ts writes them), shown on the Rapport & export page
// and exported as CSV for the project's data-management file.
import { z } from 'zod';
import type { Language } from '../domain';
import type { PseudonymList } from '../exchange/pseudonymise';
import { tableToCsv } from '../exchange/csv';

export const ExportKind = z.enum(['report', 'notes', 'archive-team', 'archive-others', 'clips', 'showreel', 'agreement', 'review-package']);
export type ExportKind = z.infer<typeof ExportKind>;

export const ExportLogEntry = z.object({
  id: z.string(),
  trajectoryId: z.string(),
  exportedAt: z.string(),
  author: z.string(),
  what: ExportKind,
  /** "trajectory", "cycle 2", "cycle 2 · video 1", "cycle 2 · 3 fragments" (see scopeLabel). */
  scope: z.string(),
  /** The file type: html, docx, pdf, csv, eaf, vtt, srt, vkz, mp4. */
  format: z.string(),
  /** Where it was saved. */
  destination: z.string(),
  pseudonymCount: z.number().int().nonnegative(),
  /** Tells two versions of the list apart (see pseudonymFingerprint). */
  pseudonymFingerprint: z.string(),
  /** Pieces of "niet delen" feedback left out of this export. */
  withheld: z.number().int().nonnegative(),
});
export type ExportLogEntry = z.infer<typeof ExportLogEntry>;

/**
 * A short, stable fingerprint of a pseudonym list (FNV-1a over its entries), so the log can say
 * which version of the list an export used without repeating the real names it holds.
 */
export function pseudonymFingerprint(list: PseudonymList): string {
  const text = JSON.stringify(list.map((p) => [p.name.trim(), p.replacement.trim()]));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const WORDS = {
  nl: {
    report: 'Rapport',
    notes: 'Notities en fragmenten',
    'archive-team': 'Projectarchief voor het onderzoeksteam (compleet)',
    'archive-others': 'Projectarchief voor anderen (gepseudonimiseerd)',
    clips: "Fragmenten als video's",
    showreel: 'Showreel',
    agreement: 'Overeenstemming van de analyses',
    'review-package': 'Voorbereidingspakket voor de klantmanager',
    trajectory: 'het hele traject',
    cycle: 'cyclus {n}',
    video: 'video {n}',
    fragments: '{n} fragment(en)',
    header: ['Wanneer', 'Door wie', 'Wat', 'Welk deel', 'Formaat', 'Waarheen', 'Pseudoniemenlijst', 'Weggelaten "niet delen"'],
    list: '{count} naam/namen, versie {fingerprint}',
  },
  en: {
    report: 'Report',
    notes: 'Notes and fragments',
    'archive-team': 'Project archive for the research team (complete)',
    'archive-others': 'Project archive for others (pseudonymised)',
    clips: 'Fragments as videos',
    showreel: 'Showreel',
    agreement: 'Agreement between the analyses',
    'review-package': 'Preparation package for the case manager',
    trajectory: 'the whole trajectory',
    cycle: 'cycle {n}',
    video: 'video {n}',
    fragments: '{n} fragment(s)',
    header: ['When', 'By whom', 'What', 'Which part', 'Format', 'Where to', 'Pseudonym list', 'Withheld "do not share"'],
    list: '{count} name(s), version {fingerprint}',
  },
} as const;

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/** Scope as stored: "trajectory", or "cycle:N" with optional "/video:M" or "/fragments:K". */
export function scopeLabel(scope: string, lang: Language): string {
  const w = WORDS[lang];
  if (scope === 'trajectory') return w.trajectory;
  return scope
    .split('/')
    .map((part) => {
      const [key, n] = part.split(':');
      return key === 'cycle' || key === 'video' || key === 'fragments' ? fill(w[key], { n: n ?? '' }) : part;
    })
    .join(' · ');
}

export function exportKindLabel(what: ExportKind, lang: Language): string {
  return WORDS[lang][what];
}

export function pseudonymListLabel(entry: Pick<ExportLogEntry, 'pseudonymCount' | 'pseudonymFingerprint'>, lang: Language): string {
  return fill(WORDS[lang].list, { count: entry.pseudonymCount, fingerprint: entry.pseudonymFingerprint });
}

/** The log as CSV (the CSV writer's format, formula-guarded), oldest first. */
export function exportLogToCsv(entries: readonly ExportLogEntry[], lang: Language): string {
  const rows = [...entries]
    .sort((a, b) => a.exportedAt.localeCompare(b.exportedAt))
    .map((e) => [
      e.exportedAt,
      e.author,
      exportKindLabel(e.what, lang),
      scopeLabel(e.scope, lang),
      e.format,
      e.destination,
      pseudonymListLabel(e, lang),
      String(e.withheld),
    ]);
  return tableToCsv([WORDS[lang].header, ...rows]);
}
