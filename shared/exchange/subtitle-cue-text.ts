// The text of one subtitle cue, split into who says what.
//
// WebVTT names speakers with voice spans (`<v Jan Jansen>Hoi</v>`, as Teams writes them); other
// software, and SRT files, put "Name: " in front of a line. One cue may hold several speakers
// ("Jan: Hoi\nPiet: Hallo"), so a cue becomes one or more segments.

export interface CueSegment {
  speaker: string;
  text: string;
}

/** Lines trimmed, empty lines dropped: the one shape cue text has on export and import. */
export function normaliseCueText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

// Lower-case words that may sit inside a name ("Jan van der Berg", "Ahmed el Amrani").
const NAME_PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', "'t", 'te', 'ten', 'ter', 'von', 'du', 'da', 'di', 'la', 'le', 'el', 'al', 'bin', 'ibn']);
const SPEAKER_PREFIX = /^([^:]{1,40}):[ \t]+(\S.*)$/u;
const NAME_WORD = /^[\p{L}\p{N}.'’()-]+$/u;

/**
 * The speaker of a "Name: text" line, or null when the part before the colon doesn't look like
 * a name. A name is one to five words, the first capitalised, the others capitalised, numbers
 * or name particles: "KM", "Cliënt A", "Speaker 2", "Jan van der Berg"; or a placeholder in
 * square brackets, as pseudonymised exports write ("[naam cliënt]"). So "Let op: ..." and
 * "Vraag voor de cliënt: ..." stay text, and "10:30" is no speaker.
 */
export function splitSpeakerPrefix(line: string): { speaker: string; text: string } | null {
  const m = SPEAKER_PREFIX.exec(line);
  if (!m?.[1] || m[2] === undefined) return null;
  const candidate = m[1].trim();
  if (/^\[[^[\]]+\]$/.test(candidate)) return { speaker: candidate.replace(/\s+/g, ' '), text: m[2] };
  const words = candidate.split(/\s+/);
  if (words.length > 5 || !words.every((w) => NAME_WORD.test(w))) return null;
  const [first, ...rest] = words;
  if (first === undefined || !/^\p{Lu}/u.test(first)) return null;
  if (!rest.every((w) => /^[\p{Lu}\p{N}(]/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()))) return null;
  return { speaker: words.join(' '), text: m[2] };
}

/** Segments of plain lines, a new one at every "Name: " line. */
export function segmentsFromPrefixes(text: string): CueSegment[] {
  const segments: CueSegment[] = [];
  for (const line of normaliseCueText(text).split('\n')) {
    if (line === '') continue;
    const prefixed = splitSpeakerPrefix(line);
    const last = segments[segments.length - 1];
    if (prefixed) segments.push({ speaker: prefixed.speaker, text: prefixed.text });
    else if (last) last.text += `\n${line}`;
    else segments.push({ speaker: '', text: line });
  }
  return segments;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  lrm: '\u200E',
  rlm: '\u200F',
};

/** Decodes WebVTT character references; unknown ones are left as they are. */
export function decodeVttEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

/** Escapes cue text for WebVTT: '&', '<' and '>' (which also makes "-->" harmless). */
export function escapeVttText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// A tag runs from '<' to the next '>', and never across another '<': a cue full of '<' without
// '>' (300 kB of them) is then read in linear time instead of scanning to its end from each '<'.
const TAG = /<([^<>]*)>/g;
const VOICE_OPEN = /^v(?:\.[^\s]*)?(?:[ \t\n]+([\s\S]*))?$/;

/**
 * Segments of a WebVTT cue: voice spans give the speaker; other tags (<i>, <c.x>, <lang>,
 * timestamps) are dropped; entities decoded. A cue without voice spans falls back to "Name: "
 * prefixes.
 */
export function segmentsFromVttCue(payload: string): CueSegment[] {
  if (!/<v[\s.>]/.test(payload)) return segmentsFromPrefixes(decodeVttEntities(payload.replace(TAG, '')));
  const segments: CueSegment[] = [{ speaker: '', text: '' }];
  let at = 0;
  const current = () => segments[segments.length - 1] as CueSegment;
  for (const m of payload.matchAll(TAG)) {
    current().text += decodeVttEntities(payload.slice(at, m.index));
    at = m.index + m[0].length;
    const tag = m[1] ?? '';
    const voice = VOICE_OPEN.exec(tag);
    if (voice) segments.push({ speaker: decodeVttEntities(voice[1] ?? '').replace(/\s+/g, ' ').trim(), text: '' });
    else if (/^\/v\s*$/.test(tag)) segments.push({ speaker: '', text: '' });
  }
  current().text += decodeVttEntities(payload.slice(at));
  return segments.map((s) => ({ speaker: s.speaker, text: normaliseCueText(s.text) })).filter((s) => s.text !== '');
}

/**
 * Segments of an SRT cue: the formatting tags SRT players know (<i>, <b>, <u>, <s>, <font ...>)
 * and {\an8}-style position codes dropped. Other text in angle brackets is text: SRT has no
 * escaping, so "<daar>" written by a person must survive.
 */
export function segmentsFromSrtCue(payload: string): CueSegment[] {
  const withoutTags = payload.replace(/<\/?(?:i|b|u|s|font)(?:\s[^<>]*)?>/gi, '').replace(/\{\\[^{}]*\}/g, '');
  return segmentsFromPrefixes(withoutTags);
}
