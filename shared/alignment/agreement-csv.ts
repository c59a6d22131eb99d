// The agreement table as CSV (the exchange CSV format: BOM, ';', formula guard), with the two
// researchers and the threshold on top so the file explains itself. Numbers are numbers (shares
// between 0 and 1, kappa), so a statistics tool reads them back.
import type { Language } from '../domain';
import { tableToCsv, type CsvSeparator } from '../exchange/csv';
import { createPseudonymiser, PseudonymisationError, type PseudonymList } from '../exchange/pseudonymise';
import type { AgreementRow } from './agreement';
import { agreementColumns, agreementRowLabel, confidenceText, explainAgreement, kappaLevelText, thresholdNote } from './agreement-texts';

export interface AgreementCsvInput {
  rows: readonly AgreementRow[];
  authors: { left: string; right: string };
  threshold: number;
  lang: Language;
  themeLabel: (id: string) => string;
  pseudonyms: PseudonymList;
  separator?: CsvSeparator;
}

export function agreementToCsv(input: AgreementCsvInput): string {
  const { lang } = input;
  const p = createPseudonymiser(input.pseudonyms);
  const header = lang === 'nl' ? ['Onderzoekers', 'Overlapdrempel'] : ['Researchers', 'Overlap threshold'];
  const authors = `${p.scrub(input.authors.left, 'researcher A')} & ${p.scrub(input.authors.right, 'researcher B')}`;
  const table: (string | number)[][] = [
    [header[0]!, authors],
    [header[1]!, input.threshold, thresholdNote(input.threshold, lang)],
    [],
    [...agreementColumns(lang)],
  ];
  for (const row of input.rows) {
    const label = agreementRowLabel(row, lang, input.themeLabel);
    table.push([
      label,
      row.percent ?? '',
      row.kappa ?? '',
      kappaLevelText(row.kappaLevel, lang),
      row.event.share ?? '',
      row.event.leftCount + row.event.rightCount,
      confidenceText(row.confidence, lang),
      explainAgreement(row, label, lang),
    ]);
  }
  const csv = tableToCsv(table, { separator: input.separator });
  const left = p.findListedNames(csv);
  if (left.length > 0) throw new PseudonymisationError([{ where: 'the agreement CSV', names: left }]);
  return csv;
}
