// Notes and fragments as one CSV table, for spreadsheets and statistics tools.
//
// Format choices:
// - UTF-8 with a BOM, so Excel does not read "cliënt" as "cliÃ«nt".
// - ';' between fields by default: Dutch Excel (and every locale with a decimal comma) uses ';'
//   as its list separator and opens a ';' file by double-click into columns; with ',' it puts
//   each whole row in column A. ',' is offered for other tools and English Excel.
// - CRLF line ends and RFC 4180 quoting (fields with the separator, '"', CR or LF are quoted,
//   quotes doubled); line breaks inside a note stay inside its cell.
// - Seconds are written with '.' as decimal point and at most three decimals ("371.5"), for
//   tools that read numbers; the neighbouring column has the method's notation ("6:11") for
//   people. Note that Dutch Excel reads "371.125" as 371125 ('.' is its thousands separator).
// - Text cells that start with = + - @ (or a tab or CR) get a leading "'", so Excel shows
//   "- knikt" as text instead of evaluating it as a formula (and cannot be made to run one).
//   `guardFormulas: false` turns that off for tools that don't evaluate cells.
// - Rows are sorted by recording, then start time; notes before fragments at the same moment.
import type { Fragment, Language, Note, Recording } from '../domain';
import { localText, themeById, type Framework } from '../framework';
import { formatTimecode } from '../timecode';
import { CSV_COLUMNS, csvHeader, kindLabel, recordTypeLabel, valenceLabel, type CsvColumn } from './labels';
import { createPseudonymiser, PseudonymisationError, type PseudonymList } from './pseudonymise';

export type CsvSeparator = ';' | ',';

export interface CsvExportInput {
  notes: readonly Note[];
  fragments: readonly Fragment[];
  recordings: readonly Pick<Recording, 'id' | 'position' | 'fileName'>[];
  /** For theme labels; without it the theme ids are written. */
  framework?: Framework;
  lang: Language;
  pseudonyms: PseudonymList;
  /** Default ';' (see the file comment). */
  separator?: CsvSeparator;
  /** Default true (see the file comment). */
  guardFormulas?: boolean;
}

export class CsvParseError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`CSV line ${line}: ${detail}`);
    this.name = 'CsvParseError';
  }
}

const BOM = '\uFEFF';
const CRLF = '\r\n';
const TEXT_COLUMNS: ReadonlySet<CsvColumn> = new Set(['recording', 'kind', 'author', 'speaker', 'text', 'note', 'themes', 'valence']);

/** Seconds with '.' decimals, at most three, no trailing zeros: 371.5, 12, 0.042. */
function formatSeconds(sec: number): string {
  return String(Math.round(sec * 1000) / 1000);
}

function quoteCell(value: string, separator: CsvSeparator): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Row = Record<CsvColumn, string>;

interface SortableRow {
  row: Row;
  position: number;
  startSec: number;
  order: number;
}

/** The notes and fragments as a CSV string (see the file comment for the format). */
export function notesAndFragmentsToCsv(input: CsvExportInput): string {
  const { lang, framework } = input;
  const separator = input.separator ?? ';';
  const guard = input.guardFormulas ?? true;
  const p = createPseudonymiser(input.pseudonyms);
  const recordings = new Map(input.recordings.map((r) => [r.id, r]));

  const recordingCell = (id: string, where: string): { cell: string; position: number } => {
    const rec = recordings.get(id);
    if (!rec) return { cell: '', position: Number.MAX_SAFE_INTEGER };
    return { cell: `video ${rec.position} (${p.scrub(rec.fileName, `${where} (recording file name)`)})`, position: rec.position };
  };
  const themeLabel = (id: string) => {
    const theme = framework ? themeById(framework, id) : undefined;
    return theme ? localText(theme.short, lang) : id;
  };

  const rows: SortableRow[] = [];
  input.notes.forEach((n, i) => {
    const where = `note at ${formatTimecode(n.timeSec)}`;
    const rec = recordingCell(n.recordingId, where);
    rows.push({
      position: rec.position,
      startSec: n.timeSec,
      order: i,
      row: {
        type: recordTypeLabel('note', lang),
        recording: rec.cell,
        startSec: formatSeconds(n.timeSec),
        start: formatTimecode(n.timeSec),
        endSec: '',
        end: '',
        kind: kindLabel(n.kind, lang),
        author: p.scrub(n.author, `${where} (author)`),
        speaker: p.scrub(n.speaker, `${where} (speaker)`),
        text: p.scrub(n.text, `${where} (text)`),
        note: '',
        themes: '',
        valence: '',
        created: n.createdAt,
        updated: n.updatedAt,
      },
    });
  });
  input.fragments.forEach((f, i) => {
    const where = `fragment at ${formatTimecode(f.inSec)}`;
    const rec = recordingCell(f.recordingId, where);
    rows.push({
      position: rec.position,
      startSec: f.inSec,
      order: input.notes.length + i,
      row: {
        type: recordTypeLabel('fragment', lang),
        recording: rec.cell,
        startSec: formatSeconds(f.inSec),
        start: formatTimecode(f.inSec),
        endSec: formatSeconds(f.outSec),
        end: formatTimecode(f.outSec),
        kind: '',
        author: p.scrub(f.author, `${where} (author)`),
        speaker: '',
        text: p.scrub(f.title, `${where} (title)`),
        note: p.scrub(f.note, `${where} (note)`),
        themes: f.themes.map(themeLabel).join(', '),
        valence: valenceLabel(f.valence, lang),
        created: f.createdAt,
        updated: f.updatedAt,
      },
    });
  });
  rows.sort((a, b) => a.position - b.position || a.startSec - b.startSec || a.order - b.order);

  const line = (cells: (column: CsvColumn) => string) =>
    CSV_COLUMNS.map((column) => {
      const value = cells(column);
      return quoteCell(guard && TEXT_COLUMNS.has(column) ? guardFormula(value) : value, separator);
    }).join(separator) + CRLF;

  const csv = BOM + line((c) => csvHeader(c, lang)) + rows.map((r) => line((c) => r.row[c])).join('');
  // Belt and braces: the whole file, in case a column was added without going through scrub.
  const left = p.findListedNames(csv);
  if (left.length > 0) throw new PseudonymisationError([{ where: 'the CSV file', names: left }]);
  return csv;
}

/**
 * Any table as CSV in the same format (BOM, separator, CRLF, quoting). Strings are text cells
 * and get the formula guard; numbers are written as numbers ('.' decimals, at most three) and
 * never guarded, so "-0.12" stays a number.
 */
export function tableToCsv(
  rows: readonly (readonly (string | number)[])[],
  opts: { separator?: CsvSeparator; guardFormulas?: boolean } = {},
): string {
  const separator = opts.separator ?? ';';
  const guard = opts.guardFormulas ?? true;
  const cell = (value: string | number) =>
    typeof value === 'number' ? formatSeconds(value) : quoteCell(guard ? guardFormula(value) : value, separator);
  return BOM + rows.map((row) => row.map(cell).join(separator) + CRLF).join('');
}

/**
 * Rows of a CSV text (RFC 4180: quoted fields may hold separators, doubled quotes and line
 * breaks; CRLF or LF line ends; a leading BOM and a final line end are ignored). Throws
 * CsvParseError on an unterminated quote or text straight after a closing quote.
 */
export function parseCsv(text: string, opts: { separator?: CsvSeparator } = {}): string[][] {
  const separator = opts.separator ?? ';';
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let line = 1;
  let i = 0;
  let rowHasContent = false;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = '';
    rowHasContent = false;
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' && cell === '') {
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= src.length) throw new CsvParseError(quoteLine, 'a quoted field is never closed');
        const c = src[i];
        if (c === '"') {
          if (src[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        cell += c;
        i++;
      }
      rowHasContent = true;
      const next = src[i];
      if (next !== undefined && next !== separator && next !== '\r' && next !== '\n') {
        throw new CsvParseError(line, `unexpected ${JSON.stringify(next)} after a closing quote`);
      }
      continue;
    }
    if (ch === separator) {
      row.push(cell);
      cell = '';
      rowHasContent = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      cell += ch;
      rowHasContent = true;
      i++;
    }
  }
  if (rowHasContent || cell !== '') endRow();
  return rows;
}
