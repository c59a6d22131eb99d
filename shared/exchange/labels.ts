// Words that exported files contain, per language. Kept here rather than in the UI dictionaries
// (resources/i18n) because they are part of a file format other tools read back: a renamed UI
// label must not silently change an export's columns. The wording matches the UI's.
import type { Language, NoteKind, Valence } from '../domain';

const KIND_LABELS: Record<Language, Record<NoteKind, string>> = {
  nl: {
    transcript: 'Transcript',
    event: 'Gebeurtenis',
    observation: 'Observatie',
    question_client: 'Vraag voor de cliënt',
    question_case_manager: 'Vraag voor de klantmanager',
  },
  en: {
    transcript: 'Transcript',
    event: 'Event',
    observation: 'Observation',
    question_client: 'Question for the client',
    question_case_manager: 'Question for the case manager',
  },
};

const VALENCE_LABELS: Record<Language, Record<Valence, string>> = {
  nl: { positive: 'Positief', concern: 'Zorgpunt' },
  en: { positive: 'Positive', concern: 'Concern' },
};

export function kindLabel(kind: NoteKind, lang: Language): string {
  return KIND_LABELS[lang][kind];
}

export function valenceLabel(valence: Valence, lang: Language): string {
  return VALENCE_LABELS[lang][valence];
}

/** Column names of the notes-and-fragments CSV, in column order. */
export const CSV_COLUMNS = [
  'type',
  'recording',
  'startSec',
  'start',
  'endSec',
  'end',
  'kind',
  'author',
  'speaker',
  'text',
  'note',
  'themes',
  'valence',
  'created',
  'updated',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const CSV_HEADERS: Record<Language, Record<CsvColumn, string>> = {
  nl: {
    type: 'Type',
    recording: 'Opname',
    startSec: 'Begin (s)',
    start: 'Begin',
    endSec: 'Eind (s)',
    end: 'Eind',
    kind: 'Soort',
    author: 'Auteur',
    speaker: 'Spreker',
    text: 'Tekst of titel',
    note: 'Toelichting',
    themes: "Thema's",
    valence: 'Positief of zorgpunt',
    created: 'Aangemaakt',
    updated: 'Gewijzigd',
  },
  en: {
    type: 'Type',
    recording: 'Recording',
    startSec: 'Start (s)',
    start: 'Start',
    endSec: 'End (s)',
    end: 'End',
    kind: 'Kind',
    author: 'Author',
    speaker: 'Speaker',
    text: 'Text or title',
    note: 'Note',
    themes: 'Themes',
    valence: 'Positive or concern',
    created: 'Created',
    updated: 'Updated',
  },
};

export function csvHeader(column: CsvColumn, lang: Language): string {
  return CSV_HEADERS[lang][column];
}

const RECORD_TYPES: Record<Language, { note: string; fragment: string }> = {
  nl: { note: 'notitie', fragment: 'fragment' },
  en: { note: 'note', fragment: 'fragment' },
};

export function recordTypeLabel(type: 'note' | 'fragment', lang: Language): string {
  return RECORD_TYPES[lang][type];
}
