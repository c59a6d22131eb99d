// Reading a transcript into a recording: a WebVTT or SRT file (from the video-call software or
// a transcription service) becomes transcript-line notes with speaker and time; an ELAN .eaf
// gives back notes of every kind and fragments. Nothing is stored here: the result is a
// preview the user reviews (and may edit) before the import stores it in one go.
//
// A malformed file is not half-read: the preview says which line is wrong and shows it.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { NoteKind, Valence } from '../../../shared/domain';
import { cuesToNoteDrafts, EafParseError, fromEaf, parseSrt, parseWebVtt, SubtitleParseError } from '../../../shared/exchange';
import { MAX_TRANSCRIPT_FRAGMENTS, MAX_TRANSCRIPT_LINES } from '../../../shared/input-rules';

export type TranscriptFormat = 'vtt' | 'srt' | 'eaf';

export interface TranscriptNoteDraft {
  timeSec: number;
  kind: NoteKind;
  speaker: string;
  text: string;
  /** Who wrote it: the EAF's annotator; empty for subtitles (the importer becomes the author). */
  author: string;
}
export interface TranscriptFragmentDraft {
  inSec: number;
  outSec: number;
  title: string;
  note: string;
  themes: string[];
  valence: Valence;
  author: string;
}

/** A cue left out of the preview because its timing can't be read (WebVTT parsing rules). */
export interface SkippedLine {
  line: number;
  /** That line as it is in the file (shortened). */
  lineText: string;
  detail: string;
  problem: TranscriptProblem | null;
}

export type TranscriptPreview =
  | {
      status: 'ready';
      fileName: string;
      format: TranscriptFormat;
      notes: TranscriptNoteDraft[];
      fragments: TranscriptFragmentDraft[];
      skipped: SkippedLine[];
    }
  | {
      status: 'error';
      fileName: string;
      format: TranscriptFormat | null;
      /** 1-based line of the problem, when known. */
      line: number | null;
      /** That line as it is in the file (shortened), to show the user. */
      lineText: string;
      /** What is wrong, in English (for the log and the details). */
      detail: string;
      /** The kind of problem, for a translated hint; null when none fits. */
      problem: TranscriptProblem | null;
    };

export type TranscriptProblem = 'no-header' | 'bad-time' | 'expected-timing' | 'ends-before-start' | 'missing-blank-line' | 'not-eaf' | 'too-many-lines' | 'too-big';

/** Sorts the parsers' English details into a few kinds the UI can explain in Dutch. */
export function problemOf(detail: string): TranscriptProblem | null {
  if (/missing "WEBVTT" header/.test(detail)) return 'no-header';
  if (/bad (start|end) time/.test(detail)) return 'bad-time';
  if (/ends \(.*\) before it starts/.test(detail)) return 'ends-before-start';
  if (/blank line/.test(detail)) return 'missing-blank-line';
  if (/expected a (cue )?timing line|expected a cue number or a timing line/.test(detail)) return 'expected-timing';
  if (/ELAN/.test(detail)) return 'not-eaf';
  return null;
}

export const TRANSCRIPT_EXTENSIONS = ['vtt', 'srt', 'eaf'] as const;
/** A transcript of a long conversation is a few hundred kB; anything far bigger is not one. */
const MAX_TRANSCRIPT_BYTES = 50 * 1024 * 1024;

/** UTF-8 (with or without BOM); files that aren't valid UTF-8 are read as Windows-1252, as older Windows tools write SRT. */
export function decodeTextFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** By extension, else by content. */
export function transcriptFormatOf(fileName: string, text: string): TranscriptFormat {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  if (ext === 'vtt' || ext === 'srt' || ext === 'eaf') return ext;
  const start = text.trimStart();
  if (start.startsWith('WEBVTT')) return 'vtt';
  if (start.startsWith('<')) return 'eaf';
  return 'srt';
}

/** The file's lines, for quoting the ones a warning names. */
function linesOf(text: string): (line: number) => string {
  let lines: string[] | null = null;
  return (line) => {
    lines ??= text.split(/\r\n|\r|\n/);
    const found = lines[line - 1] ?? '';
    return found.length > 120 ? `${found.slice(0, 119)}…` : found;
  };
}

/** At most this many skipped cues are listed one by one; a file with more is no transcript. */
const MAX_LISTED_SKIPS = 200;

/** Parses transcript text; never throws for a malformed file (that's an 'error' preview). */
export function previewTranscript(fileName: string, text: string): TranscriptPreview {
  const preview = parsedPreview(fileName, text);
  // More than one import may store: refused here, before the page is sent a list it can't show or store.
  if (preview.status === 'ready' && (preview.notes.length > MAX_TRANSCRIPT_LINES || preview.fragments.length > MAX_TRANSCRIPT_FRAGMENTS)) {
    const detail = `${fileName} has ${preview.notes.length} lines and ${preview.fragments.length} fragments; one import takes at most ${MAX_TRANSCRIPT_LINES} and ${MAX_TRANSCRIPT_FRAGMENTS}`;
    return { status: 'error', fileName, format: preview.format, line: null, lineText: '', detail, problem: 'too-many-lines' };
  }
  return preview;
}

function parsedPreview(fileName: string, text: string): TranscriptPreview {
  const format = transcriptFormatOf(fileName, text);
  const lineOf = linesOf(text);
  try {
    if (format === 'eaf') {
      const doc = fromEaf(text);
      return {
        status: 'ready',
        fileName,
        format,
        notes: doc.notes.map((n) => ({ timeSec: n.timeSec, kind: n.kind, speaker: n.speaker, text: n.text, author: n.author })),
        fragments: doc.fragments.map((f) => ({ ...f })),
        skipped: [],
      };
    }
    const doc = format === 'vtt' ? parseWebVtt(text) : parseSrt(text);
    const notes = cuesToNoteDrafts(doc.cues).map((d) => ({ ...d, author: '' }));
    const skipped = doc.skipped
      .slice(0, MAX_LISTED_SKIPS)
      .map((s) => ({ line: s.line, lineText: lineOf(s.line), detail: s.detail, problem: problemOf(s.detail) }));
    return { status: 'ready', fileName, format, notes, fragments: [], skipped };
  } catch (error) {
    if (error instanceof SubtitleParseError) {
      return { status: 'error', fileName, format, line: error.line, lineText: lineOf(error.line), detail: error.message, problem: problemOf(error.message) };
    }
    if (error instanceof EafParseError) {
      const line = /line (\d+)/.exec(error.message);
      const n = line?.[1] ? Number(line[1]) : null;
      return { status: 'error', fileName, format, line: n, lineText: n ? lineOf(n) : '', detail: error.message, problem: 'not-eaf' };
    }
    throw error;
  }
}

export async function readTranscriptFile(filePath: string): Promise<TranscriptPreview> {
  const fileName = path.basename(filePath);
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) return { status: 'error', fileName, format: null, line: null, lineText: '', detail: `Cannot read ${filePath}`, problem: null };
  if (info.size > MAX_TRANSCRIPT_BYTES) {
    return { status: 'error', fileName, format: null, line: null, lineText: '', detail: `${fileName} is ${info.size} bytes: too big for a transcript`, problem: 'too-big' };
  }
  return previewTranscript(fileName, decodeTextFile(await readFile(filePath)));
}
