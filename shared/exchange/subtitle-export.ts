// Notes as subtitles, to watch a recording with its annotation in any player (VLC, a browser).
//
// Each note is a cue from its time to the next note's time, clamped to 1–6 s: 6 s is about the
// longest a line stays useful on screen (and keeps an old remark from hanging over a long
// silence), 1 s is about the shortest a line can be read. So notes closer than 1 s overlap, and
// players stack them. Notes at the same time all run to the next later note. The last note runs
// to the end of the recording (durationSec), within the same bounds.
// Transcript lines carry their speaker (WebVTT `<v KM>…</v>`, SRT "KM: …"); other notes start
// with their kind in brackets ("[Observatie] …"), which the importer leaves as text and does not
// mistake for a speaker.
import type { Language, Note } from '../domain';
import { formatTimecode } from '../timecode';
import { kindLabel } from './labels';
import { createPseudonymiser, PseudonymisationError, type PseudonymList } from './pseudonymise';
import { escapeVttText, normaliseCueText } from './subtitle-cue-text';

export const SUBTITLE_CUE_MIN_SEC = 1;
export const SUBTITLE_CUE_MAX_SEC = 6;

export type SubtitleNote = Pick<Note, 'recordingId' | 'timeSec' | 'kind' | 'speaker' | 'text'>;

export interface SubtitleExportOptions {
  pseudonyms: PseudonymList;
  /** Length of the recording; caps the last cue. 0 or absent: the last cue gets the maximum. */
  durationSec?: number;
  /** Language of the kind labels. Default 'nl'. */
  lang?: Language;
}

interface TimedCue {
  startMs: number;
  endMs: number;
  speaker: string;
  text: string;
}

/** Cues in time order; transcript notes without text show nothing and are left out. */
function timedCues(notes: readonly SubtitleNote[], opts: SubtitleExportOptions): TimedCue[] {
  const recordingIds = new Set(notes.map((n) => n.recordingId));
  if (recordingIds.size > 1) {
    // A subtitle file belongs to one media file; mixing two would put notes on the wrong video.
    throw new Error('Subtitles can only be made for the notes of one recording at a time.');
  }
  const lang = opts.lang ?? 'nl';
  const p = createPseudonymiser(opts.pseudonyms);
  const sorted = [...notes].sort((a, b) => a.timeSec - b.timeSec);
  const starts = sorted.map((n) => Math.round(n.timeSec * 1000));
  const durationMs = Math.round((opts.durationSec ?? 0) * 1000);
  const minMs = SUBTITLE_CUE_MIN_SEC * 1000;
  const maxMs = SUBTITLE_CUE_MAX_SEC * 1000;
  const cues = sorted.map((note, i): TimedCue | null => {
    const startMs = starts[i] ?? 0;
    const next = starts.find((s, k) => k > i && s > startMs);
    const until = next ?? (durationMs > startMs ? durationMs : startMs + maxMs);
    const endMs = startMs + Math.min(maxMs, Math.max(minMs, until - startMs));
    const where = `note at ${formatTimecode(note.timeSec)}`;
    const text = normaliseCueText(p.scrub(note.text, `${where} (text)`));
    if (note.kind === 'transcript') {
      const speaker = p.scrub(note.speaker, `${where} (speaker)`).replace(/\s+/g, ' ').trim();
      return text === '' ? null : { startMs, endMs, speaker, text };
    }
    return { startMs, endMs, speaker: '', text: `[${kindLabel(note.kind, lang)}]${text === '' ? '' : ` ${text}`}` };
  });
  return cues.filter((c): c is TimedCue => c !== null);
}

function clock(ms: number, fractionSeparator: '.' | ','): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${pad(h)}:${pad(m)}:${pad(s)}${fractionSeparator}${pad(ms % 1000, 3)}`;
}

function assertClean(output: string, pseudonyms: PseudonymList, what: string): string {
  const left = createPseudonymiser(pseudonyms).findListedNames(output);
  if (left.length > 0) throw new PseudonymisationError([{ where: what, names: left }]);
  return output;
}

/** The notes of one recording as a WebVTT file (LF line ends). */
export function notesToWebVtt(notes: readonly SubtitleNote[], opts: SubtitleExportOptions): string {
  const cues = timedCues(notes, opts).map((c) => {
    const body = escapeVttText(c.text);
    // '>' ends the voice annotation, '&' starts a reference: escape both in the name.
    const text = c.speaker === '' ? body : `<v ${c.speaker.replace(/&/g, '&amp;').replace(/>/g, '&gt;')}>${body}</v>`;
    return `${clock(c.startMs, '.')} --> ${clock(c.endMs, '.')}\n${text}\n`;
  });
  return assertClean(['WEBVTT\n', ...cues].join('\n'), opts.pseudonyms, 'the WebVTT file');
}

/** The notes of one recording as an SRT file (CRLF line ends, as Windows tools expect). */
export function notesToSrt(notes: readonly SubtitleNote[], opts: SubtitleExportOptions): string {
  const cues = timedCues(notes, opts).map((c, i) => {
    const text = c.speaker === '' ? c.text : `${c.speaker}: ${c.text}`;
    return [String(i + 1), `${clock(c.startMs, ',')} --> ${clock(c.endMs, ',')}`, ...text.split('\n'), ''].join('\r\n');
  });
  return assertClean(cues.join('\r\n'), opts.pseudonyms, 'the SRT file');
}
