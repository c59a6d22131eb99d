// Importing transcripts from subtitle files: WebVTT (what video-call software such as Teams
// writes) and SRT (phone apps, transcription services). Both become a list of cues with a
// speaker; cuesToNoteDrafts turns those into transcript notes.
//
// Parsing is strict where a lenient guess would silently misplace text in time: a missing
// header, an unreadable timestamp, a cue that ends before it starts or a missing blank line
// between cues is a SubtitleParseError naming the line. What the formats allow is accepted:
// a BOM, CR/LF/CRLF line ends, cue identifiers, cue settings, NOTE/STYLE/REGION blocks, WebVTT
// times without hours ("01:02.500"), SRT times with a comma or a dot before the milliseconds,
// multi-line cues, overlapping cues (kept, sorted by start) and zero-length cues.
// Cue text keeps its line breaks (lines trimmed, empty ones dropped); a cue holding several
// speakers ("Jan: Hoi\nPiet: Hallo", or two voice spans) becomes one cue per speaker.
import type { NoteKind } from '../domain';
import { segmentsFromSrtCue, segmentsFromVttCue, type CueSegment } from './subtitle-cue-text';

export { notesToSrt, notesToWebVtt, SUBTITLE_CUE_MAX_SEC, SUBTITLE_CUE_MIN_SEC, type SubtitleExportOptions, type SubtitleNote } from './subtitle-export';

export interface SubtitleCue {
  startSec: number;
  endSec: number;
  /** From a <v Name> voice span or a "Name: " prefix; empty when none. */
  speaker: string;
  text: string;
}

export interface SubtitleDocument {
  /** Sorted by start time; cues that start together keep their order in the file. */
  cues: SubtitleCue[];
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

const TIMING = /^\s*(\S+?)\s*-->\s*(\S+)(?:\s+(.*))?$/;
const VTT_TIME = /^(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})$/;
const SRT_TIME = /^(\d+):(\d{2}):(\d{2})[,.](\d{3})$/;

function timeFrom(match: RegExpExecArray | null): number | null {
  if (!match) return null;
  const [, h, m, s, ms] = match;
  if (Number(m) > 59 || Number(s) > 59) return null;
  // Whole milliseconds, so 00:00:01.100 is exactly 1.1 and not 1.1000000000000014.
  return (((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms)) / 1000;
}

function parseTiming(format: SubtitleFormat, line: Line): { startSec: number; endSec: number } {
  const m = TIMING.exec(line.text);
  const example = format === 'WebVTT' ? '00:01.000 --> 00:04.000' : '00:00:01,000 --> 00:00:04,000';
  if (!m?.[1] || !m[2]) throw new SubtitleParseError(format, line.number, `expected a timing line like "${example}", found "${line.text.trim()}"`);
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

/** A timing line among the text means a blank line is missing; a mere "-->" in text is text. */
function rejectTimingInText(format: SubtitleFormat, payload: Line[]): void {
  const pattern = format === 'WebVTT' ? VTT_TIME : SRT_TIME;
  const stray = payload.find((l) => {
    const m = TIMING.exec(l.text);
    return m?.[1] !== undefined && m[2] !== undefined && pattern.test(m[1]) && pattern.test(m[2]);
  });
  if (stray) {
    throw new SubtitleParseError(format, stray.number, 'a timing line inside cue text: is the blank line before this cue missing?');
  }
}

function cuesFrom(timing: { startSec: number; endSec: number }, segments: CueSegment[]): SubtitleCue[] {
  return segments.map((s) => ({ ...timing, speaker: s.speaker, text: s.text }));
}

function sortedByStart(cues: SubtitleCue[]): SubtitleDocument {
  // Array.prototype.sort is stable, so cues starting together keep the file's order.
  return { cues: cues.sort((a, b) => a.startSec - b.startSec) };
}

/** Cues of a WebVTT file. Throws SubtitleParseError (with the line number) on a malformed file. */
export function parseWebVtt(text: string): SubtitleDocument {
  const lines = splitLines(text);
  const first = lines[0] ?? { text: '', number: 1 };
  if (!/^WEBVTT(?:[ \t].*)?$/.test(first.text)) {
    const found = first.text.trim() === '' ? 'an empty line' : `"${first.text.slice(0, 40)}"`;
    throw new SubtitleParseError('WebVTT', 1, `missing "WEBVTT" header: a WebVTT file must start with WEBVTT, found ${found}`);
  }
  // The header runs to the first blank line (it may carry metadata such as "Kind: captions").
  let i = 1;
  while (i < lines.length && (lines[i] as Line).text.trim() !== '') {
    const line = lines[i] as Line;
    if (line.text.includes('-->')) throw new SubtitleParseError('WebVTT', line.number, 'missing blank line between the WEBVTT header and the first cue');
    i++;
  }
  const cues: SubtitleCue[] = [];
  for (const block of blocksOf(lines.slice(i))) {
    const head = block[0] as Line;
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(head.text)) continue;
    const timingAt = head.text.includes('-->') ? 0 : block[1]?.text.includes('-->') ? 1 : -1;
    if (timingAt < 0) {
      throw new SubtitleParseError('WebVTT', head.number, `expected a cue timing line like "00:01.000 --> 00:04.000", found "${head.text.trim()}"`);
    }
    const timing = parseTiming('WebVTT', block[timingAt] as Line);
    const payload = block.slice(timingAt + 1);
    rejectTimingInText('WebVTT', payload);
    cues.push(...cuesFrom(timing, segmentsFromVttCue(payload.map((l) => l.text).join('\n'))));
  }
  return sortedByStart(cues);
}

/** Cues of an SRT file. Throws SubtitleParseError (with the line number) on a malformed file. */
export function parseSrt(text: string): SubtitleDocument {
  const cues: SubtitleCue[] = [];
  for (const block of blocksOf(splitLines(text))) {
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
    const payload = block.slice(timingAt + 1);
    rejectTimingInText('SRT', payload);
    cues.push(...cuesFrom(timing, segmentsFromSrtCue(payload.map((l) => l.text).join('\n'))));
  }
  return sortedByStart(cues);
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
