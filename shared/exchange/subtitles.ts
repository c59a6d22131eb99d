// Importing transcripts from subtitle files: WebVTT (what video-call software such as Teams
// writes) and SRT (phone apps, transcription services). Both become a list of cues with a
// speaker; cuesToNoteDrafts turns those into transcript notes.
//
// Parsing follows the WebVTT parsing rules (what every browser does), and the same for SRT: a
// cue whose timing can't be read (an unreadable time, an end before the start, a block with no
// timing line) is skipped, with a warning naming its line, and the rest is read. A timing line
// inside cue text starts a new cue (a missing blank line). Only a WebVTT file without its
// "WEBVTT" header is refused as a whole (SubtitleParseError). What the formats allow is
// accepted: a BOM, CR/LF/CRLF line ends, cue identifiers, cue settings, NOTE/STYLE/REGION
// blocks, WebVTT times without hours ("01:02.500"), SRT times with a comma or a dot before the
// milliseconds, multi-line cues, overlapping cues (kept, sorted by start) and zero-length cues.
// Cue text keeps its line breaks (lines trimmed, empty ones dropped); a cue holding several
// speakers ("Jan: Hoi\nPiet: Hallo", or two voice spans) becomes one cue per speaker.
// Every step is linear in the length of the file.
import type { NoteKind } from '../domain';
import { MAX_SECONDS } from '../timecode';
import { segmentsFromSrtCue, segmentsFromVttCue, type CueSegment } from './subtitle-cue-text';

export { notesToSrt, notesToWebVtt, SUBTITLE_CUE_MAX_SEC, SUBTITLE_CUE_MIN_SEC, type SubtitleExportOptions, type SubtitleNote } from './subtitle-export';

export interface SubtitleCue {
  startSec: number;
  endSec: number;
  /** From a <v Name> voice span or a "Name: " prefix; empty when none. */
  speaker: string;
  text: string;
}

/** A cue the parser left out, and why: shown to the user in the import preview. */
export interface SkippedCue {
  /** 1-based line number in the file. */
  line: number;
  /** What is wrong, in English. */
  detail: string;
}

export interface SubtitleDocument {
  /** Sorted by start time; cues that start together keep their order in the file. */
  cues: SubtitleCue[];
  /** In file order. */
  skipped: SkippedCue[];
}

export type SubtitleFormat = 'WebVTT' | 'SRT';

export class SubtitleParseError extends Error {
  constructor(
    readonly format: SubtitleFormat,
    /** 1-based line number in the file. */
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${format} line ${line}: ${detail}`);
    this.name = 'SubtitleParseError';
  }
}

interface Line {
  text: string;
  number: number;
}

function splitLines(text: string): Line[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, number: i + 1 }));
}

/** Runs of non-blank lines. */
function blocksOf(lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let block: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else block.push(line);
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

const TIMING = /^\s*(\S+?)\s*-->\s*(\S+)(?:\s+([^]*))?$/;
const VTT_TIME = /^(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})$/;
const SRT_TIME = /^(\d+):(\d{2}):(\d{2})[,.](\d{3})$/;

function timeFrom(match: RegExpExecArray | null): number | null {
  if (!match) return null;
  const [, h, m, s, ms] = match;
  if (Number(m) > 59 || Number(s) > 59) return null;
  // Whole milliseconds, so 00:00:01.100 is exactly 1.1 and not 1.1000000000000014.
  const sec = (((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms)) / 1000;
  return sec <= MAX_SECONDS ? sec : null;
}

function parseTiming(format: SubtitleFormat, line: Line): { startSec: number; endSec: number } {
  const m = TIMING.exec(line.text);
  const example = format === 'WebVTT' ? '00:01.000 --> 00:04.000' : '00:00:01,000 --> 00:00:04,000';
  if (!m?.[1] || !m[2]) throw new SubtitleParseError(format, line.number, `expected a timing line like "${example}", found "${line.text.trim().slice(0, 40)}"`);
  const pattern = format === 'WebVTT' ? VTT_TIME : SRT_TIME;
  const shape = format === 'WebVTT' ? '00:01.000 or 01:02:03.000' : '00:00:01,000';
  const read = (raw: string, which: string) => {
    const sec = timeFrom(pattern.exec(raw));
    if (sec === null) throw new SubtitleParseError(format, line.number, `bad ${which} time "${raw}" (expected ${shape})`);
    return sec;
  };
  const startSec = read(m[1], 'start');
  const endSec = read(m[2], 'end');
  if (endSec < startSec) {
    throw new SubtitleParseError(format, line.number, `cue ends (${m[2]}) before it starts (${m[1]})`);
  }
  return { startSec, endSec };
}

/** True for a whole timing line ("00:01.000 --> 00:02.000 ..."); a mere "-->" in text is text. */
function isTimingLine(format: SubtitleFormat, line: Line): boolean {
  if (!line.text.includes('-->')) return false;
  const m = TIMING.exec(line.text);
  const pattern = format === 'WebVTT' ? VTT_TIME : SRT_TIME;
  return m?.[1] !== undefined && m[2] !== undefined && pattern.test(m[1]) && pattern.test(m[2]);
}

/**
 * A timing line inside a cue's text starts the next cue (its blank line is missing), as the
 * WebVTT rules say; in SRT the cue number just before it goes with it.
 */
function splitAtTimingLines(format: SubtitleFormat, block: Line[]): Line[][] {
  const parts: Line[][] = [];
  let from = 0;
  for (let i = 2; i < block.length; i++) {
    if (!isTimingLine(format, block[i] as Line)) continue;
    const start = format === 'SRT' && i - 1 > from + 1 && /^\s*\d+\s*$/.test((block[i - 1] as Line).text) ? i - 1 : i;
    if (start - from < 2) continue;
    parts.push(block.slice(from, start));
    from = start;
  }
  parts.push(block.slice(from));
  return parts;
}

function cuesFrom(timing: { startSec: number; endSec: number }, segments: CueSegment[]): SubtitleCue[] {
  return segments.map((s) => ({ ...timing, speaker: s.speaker, text: s.text }));
}

function sortedByStart(cues: SubtitleCue[], skipped: SkippedCue[]): SubtitleDocument {
  // Array.prototype.sort is stable, so cues starting together keep the file's order.
  return { cues: cues.sort((a, b) => a.startSec - b.startSec), skipped };
}

/** Reads each block with `read`; a block it can't read is skipped with its line and reason. */
function readBlocks(format: SubtitleFormat, blocks: Line[][], read: (block: Line[]) => SubtitleCue[] | null): SubtitleDocument {
  const cues: SubtitleCue[] = [];
  const skipped: SkippedCue[] = [];
  for (const block of blocks.flatMap((b) => splitAtTimingLines(format, b))) {
    try {
      cues.push(...(read(block) ?? []));
    } catch (error) {
      if (!(error instanceof SubtitleParseError)) throw error;
      skipped.push({ line: error.line, detail: error.message });
    }
  }
  return sortedByStart(cues, skipped);
}

/** Cues of a WebVTT file. Throws SubtitleParseError only for a file without the WEBVTT header. */
export function parseWebVtt(text: string): SubtitleDocument {
  const lines = splitLines(text);
  const first = lines[0] ?? { text: '', number: 1 };
  if (!/^WEBVTT(?:[ \t].*)?$/.test(first.text)) {
    const found = first.text.trim() === '' ? 'an empty line' : `"${first.text.slice(0, 40)}"`;
    throw new SubtitleParseError('WebVTT', 1, `missing "WEBVTT" header: a WebVTT file must start with WEBVTT, found ${found}`);
  }
  // The header runs to the first blank line (it may carry metadata such as "Kind: captions"),
  // or to a line with "-->", which starts the first cue.
  let i = 1;
  while (i < lines.length && (lines[i] as Line).text.trim() !== '' && !(lines[i] as Line).text.includes('-->')) i++;
  return readBlocks('WebVTT', blocksOf(lines.slice(i)), (block) => {
    const head = block[0] as Line;
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(head.text)) return null;
    const timingAt = head.text.includes('-->') ? 0 : block[1]?.text.includes('-->') ? 1 : -1;
    if (timingAt < 0) {
      throw new SubtitleParseError('WebVTT', head.number, `expected a cue timing line like "00:01.000 --> 00:04.000", found "${head.text.trim().slice(0, 40)}"`);
    }
    const timing = parseTiming('WebVTT', block[timingAt] as Line);
    return cuesFrom(timing, segmentsFromVttCue(block.slice(timingAt + 1).map((l) => l.text).join('\n')));
  });
}

/** Cues of an SRT file; never throws for a malformed cue (it is skipped, see the file comment). */
export function parseSrt(text: string): SubtitleDocument {
  return readBlocks('SRT', blocksOf(splitLines(text)), (block) => {
    const head = block[0] as Line;
    let timingAt: number;
    if (/^\s*\d+\s*$/.test(head.text)) {
      const timingLine = block[1];
      if (!timingLine?.text.includes('-->')) {
        throw new SubtitleParseError('SRT', timingLine?.number ?? head.number, `expected a timing line like "00:00:01,000 --> 00:00:04,000" after cue number ${head.text.trim()}`);
      }
      timingAt = 1;
    } else if (head.text.includes('-->')) {
      timingAt = 0; // a cue without its number: tolerated, the number carries nothing
    } else {
      throw new SubtitleParseError('SRT', head.number, `expected a cue number or a timing line, found "${head.text.trim().slice(0, 40)}"`);
    }
    const timing = parseTiming('SRT', block[timingAt] as Line);
    return cuesFrom(timing, segmentsFromSrtCue(block.slice(timingAt + 1).map((l) => l.text).join('\n')));
  });
}

export interface TranscriptNoteDraft {
  timeSec: number;
  kind: Extract<NoteKind, 'transcript'>;
  speaker: string;
  text: string;
}

/**
 * Transcript notes from cues: one per cue, at its start. Line breaks inside a cue are subtitle
 * layout, not meaning, so they become spaces; cues without text are dropped.
 */
export function cuesToNoteDrafts(cues: readonly SubtitleCue[]): TranscriptNoteDraft[] {
  return cues
    .map((c) => ({ timeSec: c.startSec, kind: 'transcript' as const, speaker: c.speaker.trim(), text: c.text.replace(/\s+/g, ' ').trim() }))
    .filter((d) => d.text !== '');
}
