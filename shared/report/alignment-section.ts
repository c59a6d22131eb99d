// The report's optional part on aligning the analysis (off by default; for the research
// documentation): how many items the two researchers aligned, and the agreement table.
import { agreementCells, agreementColumns, agreementRowLabel, thresholdNote, type AlignmentSummary } from '../alignment';
import type { Language } from '../domain';
import type { ReportBlock } from './model';

const TEXTS = {
  nl: {
    heading: 'Afstemming van de analyse',
    summary: (s: AlignmentSummary) =>
      `${s.left} en ${s.right} analyseerden de opname elk apart en stemden daarna ${s.aligned.done} van de ${s.aligned.total} items af (paren van fragmenten, losse fragmenten en notities dicht bij elkaar).`,
    caption: 'Overeenstemming per thema',
    point: 'Het gaat om het gesprek over de verschillen, niet om het getal.',
  },
  en: {
    heading: 'Aligning the analysis',
    summary: (s: AlignmentSummary) =>
      `${s.left} and ${s.right} analysed the recording separately and then aligned ${s.aligned.done} of ${s.aligned.total} items (pairs of fragments, single fragments and notes close together).`,
    caption: 'Agreement per theme',
    point: 'The point is the conversation about the differences, not the number.',
  },
} as const;

/** Explanation column left out: the table must fit a page; the paragraph above says what the figures mean. */
const COLUMNS_IN_REPORT = 7;

export function alignmentSection(summary: AlignmentSummary, lang: Language, themeLabel: (id: string) => string): ReportBlock[] {
  const texts = TEXTS[lang];
  return [
    { type: 'heading', level: 2, text: texts.heading },
    { type: 'paragraph', runs: [{ text: texts.summary(summary) }], tone: 'normal' },
    { type: 'paragraph', runs: [{ text: `${thresholdNote(summary.threshold, lang)} ${texts.point}` }], tone: 'meta' },
    {
      type: 'table',
      caption: texts.caption,
      header: agreementColumns(lang).slice(0, COLUMNS_IN_REPORT),
      rows: summary.rows.map((row) => agreementCells(row, agreementRowLabel(row, lang, themeLabel), lang).slice(0, COLUMNS_IN_REPORT)),
    },
  ];
}
