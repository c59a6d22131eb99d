// The formats researchers use in other tools, made from a cycle's live notes and fragments:
// CSV (the whole cycle), ELAN .eaf, WebVTT and SRT (one recording each). The trajectory's
// pseudonym list is applied to every one; the pure writers in shared/exchange refuse output
// that would still contain a listed name, and that refusal is passed on as an ExchangeError.
import type { Language, StoredRecording } from '../../../shared/domain';
import type { Framework } from '../../../shared/framework';
import {
  createPseudonymiser,
  notesAndFragmentsToCsv,
  notesToSrt,
  notesToWebVtt,
  PseudonymisationError,
  toEaf,
  toEafFiles,
  type CsvSeparator,
  type PseudonymList,
} from '../../../shared/exchange';
import type { Store } from '../store';
import { ExchangeError } from './exchange-error';

export type ExportFormat = 'csv' | 'eaf' | 'vtt' | 'srt';

export interface ExportedFile {
  /** Suggested file name (pseudonymised, safe on Windows). */
  fileName: string;
  content: string;
}

export const FORMAT_EXTENSION: Record<ExportFormat, string> = { csv: 'csv', eaf: 'eaf', vtt: 'vtt', srt: 'srt' };

/** The pseudonym list of the trajectory a cycle belongs to. */
export function pseudonymsOfCycle(store: Store, cycleId: string): PseudonymList {
  const cycle = store.cycles.get(cycleId);
  if (!cycle) throw new ExchangeError('nothing-to-export', `No cycle ${cycleId}`);
  return store.reportSettings.get(cycle.trajectoryId).pseudonyms;
}

function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001F]/g, '_').replace(/\s+/g, ' ').trim() || 'export';
}

function recordingOf(store: Store, cycleId: string, recordingId: string | undefined): StoredRecording {
  const recording = recordingId ? store.recordings.get(recordingId) : null;
  if (!recording || recording.cycleId !== cycleId) {
    throw new ExchangeError('nothing-to-export', `Recording ${recordingId ?? '(none)'} is not in cycle ${cycleId}`);
  }
  return recording;
}

/** Runs a pure writer, turning a pseudonymisation refusal into an error the UI can show. */
function guarded<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof PseudonymisationError) {
      const first = error.findings[0];
      throw new ExchangeError('pseudonyms-incomplete', error.message, {
        names: [...new Set(error.findings.flatMap((f) => f.names))].join(', '),
        where: first?.where ?? '',
      });
    }
    throw error;
  }
}

export interface FormatExportOptions {
  format: ExportFormat;
  cycleId: string;
  recordingId?: string;
  lang: Language;
  /** For theme labels in the CSV. */
  framework?: Framework;
  separator?: CsvSeparator;
  /** Who exports (the EAF's AUTHOR). */
  author: string;
  now?: () => Date;
}

export function exportFormat(store: Store, opts: FormatExportOptions): ExportedFile {
  const cycle = store.cycles.get(opts.cycleId);
  if (!cycle) throw new ExchangeError('nothing-to-export', `No cycle ${opts.cycleId}`);
  const pseudonyms = pseudonymsOfCycle(store, cycle.id);
  const p = createPseudonymiser(pseudonyms);
  const notes = store.notes.listByCycle(cycle.id);
  const fragments = store.fragments.listByCycle(cycle.id);
  const recordings = store.recordings.listByCycle(cycle.id);
  const cycleName = p.pseudonymise(cycle.title) || `cyclus ${cycle.number}`;

  switch (opts.format) {
    case 'csv': {
      const content = guarded(() =>
        notesAndFragmentsToCsv({
          notes,
          fragments,
          recordings,
          framework: opts.framework,
          lang: opts.lang,
          pseudonyms,
          separator: opts.separator,
        }),
      );
      return { fileName: safeFileName(`${cycle.number} ${cycleName} - notities en fragmenten.csv`), content };
    }
    case 'eaf': {
      const recording = recordingOf(store, cycle.id, opts.recordingId);
      const eafRecording = { ...recording, media: recording.media };
      const [file] = guarded(() =>
        toEafFiles({ recordings: [eafRecording], notes, fragments, author: opts.author, now: (opts.now?.() ?? new Date()).toISOString(), pseudonyms }),
      );
      if (!file) throw new ExchangeError('nothing-to-export', 'No EAF made');
      return { fileName: file.fileName, content: file.xml };
    }
    case 'vtt':
    case 'srt': {
      const recording = recordingOf(store, cycle.id, opts.recordingId);
      const own = notes.filter((n) => n.recordingId === recording.id);
      const options = { pseudonyms, durationSec: recording.media.durationSec, lang: opts.lang };
      const content = guarded(() => (opts.format === 'vtt' ? notesToWebVtt(own, options) : notesToSrt(own, options)));
      const base = safeFileName(p.pseudonymise(recording.fileName).replace(/\.[^.]*$/, '')) || 'recording';
      return { fileName: `${base}.${opts.format}`, content };
    }
  }
}

/** For tests and previews: every export of a cycle as strings (CSV, and per recording EAF/VTT/SRT). */
export function allFormatExports(store: Store, cycleId: string, base: Omit<FormatExportOptions, 'format' | 'cycleId' | 'recordingId'>): ExportedFile[] {
  const files = [exportFormat(store, { ...base, format: 'csv', cycleId })];
  for (const r of store.recordings.listByCycle(cycleId)) {
    for (const format of ['eaf', 'vtt', 'srt'] as const) files.push(exportFormat(store, { ...base, format, cycleId, recordingId: r.id }));
  }
  return files;
}

