// The words of the agreement table, per language: its columns, each figure explained in plain
// language, and how much a figure can be trusted. Kept in shared/ (like exchange/labels.ts)
// because the screen, the CSV export and the report must say exactly the same.
import type { Language } from '../domain';
import type { AgreementRow, Confidence, KappaLevel } from './agreement';

const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
const num = (value: number | null) => (value === null ? '–' : value.toFixed(2));
/** Fragments without a partner: all fragments minus the two of every pair. */
const singles = (r: AgreementRow) => r.event.leftCount + r.event.rightCount - 2 * r.event.matched;

const TEXTS = {
  nl: {
    columns: ['Onderdeel', 'Overeenstemming in tijd', 'Cohens kappa', 'Kappa in woorden', 'Fragmenten gepaard', 'Fragmenten', 'Betrouwbaarheid', 'Uitleg'],
    marked: 'Gemarkeerd (elk fragment)',
    valence: 'Positief / zorgpunt',
    levels: {
      poor: 'minder dan toeval',
      slight: 'gering',
      fair: 'redelijk',
      moderate: 'matig',
      substantial: 'behoorlijk',
      'almost-perfect': 'bijna volledig',
    } satisfies Record<KappaLevel, string>,
    confidence: {
      none: 'Geen van beiden gebruikte dit.',
      few: 'Weinig fragmenten: zegt nog weinig.',
      some: 'Een indicatie.',
      enough: 'Genoeg fragmenten voor een beeld.',
    } satisfies Record<Confidence, string>,
    explain: (r: AgreementRow, label: string) =>
      r.percent === null
        ? `Geen van beiden markeerde iets als "${label}".`
        : `Op ${pct(r.percent)} van de momenten zeiden jullie hetzelfde over "${label}"` +
          (r.kappa === null ? '; kappa is niet te berekenen (geen variatie).' : `; gecorrigeerd voor toeval (kappa ${num(r.kappa)}) is dat ${TEXTS.nl.levels[r.kappaLevel ?? 'poor']}.`) +
          ` ${r.event.matched} keer markeerden jullie allebei hetzelfde stuk; ${singles(r)} fragment(en) markeerde maar één van jullie.`,
    thresholdNote: (t: number) => `Fragmenten tellen als gepaard bij een overlap (gedeelde tijd / totale tijd) van minstens ${pct(t)}.`,
  },
  en: {
    columns: ['Item', 'Agreement over time', "Cohen's kappa", 'Kappa in words', 'Fragments paired', 'Fragments', 'Confidence', 'Explanation'],
    marked: 'Marked (any fragment)',
    valence: 'Positive / concern',
    levels: {
      poor: 'less than chance',
      slight: 'slight',
      fair: 'fair',
      moderate: 'moderate',
      substantial: 'substantial',
      'almost-perfect': 'almost perfect',
    } satisfies Record<KappaLevel, string>,
    confidence: {
      none: 'Neither of you used this.',
      few: 'Few fragments: says little yet.',
      some: 'An indication.',
      enough: 'Enough fragments for a picture.',
    } satisfies Record<Confidence, string>,
    explain: (r: AgreementRow, label: string) =>
      r.percent === null
        ? `Neither of you marked anything as "${label}".`
        : `On ${pct(r.percent)} of the moments you said the same about "${label}"` +
          (r.kappa === null ? '; kappa cannot be computed (no variation).' : `; corrected for chance (kappa ${num(r.kappa)}) that is ${TEXTS.en.levels[r.kappaLevel ?? 'poor']}.`) +
          ` ${r.event.matched} time(s) you both marked the same stretch; ${singles(r)} fragment(s) only one of you marked.`,
    thresholdNote: (t: number) => `Fragments count as paired at an overlap (shared time / total time) of at least ${pct(t)}.`,
  },
} as const;

export function agreementColumns(lang: Language): readonly string[] {
  return TEXTS[lang].columns;
}

/** The row's name: "marked", valence, or the theme's label (`themeLabel` knows the framework). */
export function agreementRowLabel(row: AgreementRow, lang: Language, themeLabel: (id: string) => string): string {
  if (row.kind === 'marked') return TEXTS[lang].marked;
  if (row.kind === 'valence') return TEXTS[lang].valence;
  return themeLabel(row.key);
}

export function kappaLevelText(level: KappaLevel | null, lang: Language): string {
  return level === null ? '–' : TEXTS[lang].levels[level];
}

export function confidenceText(confidence: Confidence, lang: Language): string {
  return TEXTS[lang].confidence[confidence];
}

export function explainAgreement(row: AgreementRow, label: string, lang: Language): string {
  return TEXTS[lang].explain(row, label);
}

export function thresholdNote(threshold: number, lang: Language): string {
  return TEXTS[lang].thresholdNote(threshold);
}

export const formatShare = pct;
export const formatKappa = num;

/** The table's cells, as text for people (screen, report). */
export function agreementCells(row: AgreementRow, label: string, lang: Language): string[] {
  return [
    label,
    pct(row.percent),
    num(row.kappa),
    kappaLevelText(row.kappaLevel, lang),
    pct(row.event.share),
    `${row.event.leftCount} + ${row.event.rightCount}`,
    confidenceText(row.confidence, lang),
    explainAgreement(row, label, lang),
  ];
}
