// Timecodes as researchers write them, and as the app shows them.
//
// Grammar of parseTimecode (surrounding whitespace and whitespace around separators allowed):
//
//   timecode  := clock | seconds
//   clock     := lead (SEP two){1,2} fraction?   with one SEP throughout: all ':' or all '.'
//                  m SEP ss          "6:11", "06.11", "75:00" (the leading field is unbounded)
//                  h SEP mm SEP ss   "1:02:03", "1.02.03"
//                Fields after the first are exactly two digits and < 60.
//   fraction  := FSEP digits+        only after the last field, and only when FSEP differs
//                from SEP: after ':' fields '.' or ',' ("6:11.5", "6:11,250"); after '.'
//                fields only ',' ("06.11,5"). So "1:02.03" is 1 min 2.03 s, never 1 h 2 min 3 s.
//   seconds   := digits+ (',' digits+)? | digits+ ('.' | ',') digits+ 's'  | digits+ 's'
//                "75" is 75 s, "75,5" is 75.5 s, "75.5s" is 75.5 s.
//
// A '.' after a bare number is a minute separator, so "6.30" is 6 min 30 s and "75.5" (one
// digit after the dot, and no "s") is rejected rather than guessed at.
//
// formatTimecode floors to the requested precision instead of rounding: the frame at 6:11.9
// belongs to second 6:11, and rounding it to 6:12 would point at a moment not yet reached.

/** No recording is longer than 100 hours: a larger time is a typing error, not a moment. */
export const MAX_SECONDS = 100 * 3600;

const DIGITS = /^\d+$/;
const TWO_DIGITS = /^\d{2}$/;

/** Seconds from a written timecode, or null when the text is not a timecode (or past MAX_SECONDS). */
export function parseTimecode(text: string): number | null {
  const seconds = parseClock(text);
  return seconds !== null && Number.isFinite(seconds) && seconds <= MAX_SECONDS ? seconds : null;
}

function parseClock(text: string): number | null {
  if (text.length > 100) return null;
  const compact = text.trim().replace(/\s*([:.,])\s*/g, '$1');
  if (compact === '') return null;

  const secondsOnly = /^(\d+)(?:([.,])(\d+))?\s*s$/i.exec(compact) ?? /^(\d+)(?:(,)(\d+))?$/.exec(compact);
  if (secondsOnly) {
    const whole = Number(secondsOnly[1]);
    const fraction = secondsOnly[3] === undefined ? 0 : Number(`0.${secondsOnly[3]}`);
    return whole + fraction;
  }

  const sep = compact.includes(':') ? ':' : '.';
  // The fraction separator must differ from the field separator.
  const fractionPattern = sep === ':' ? /[.,](\d+)$/ : /,(\d+)$/;
  const fractionMatch = fractionPattern.exec(compact);
  const fields = (fractionMatch ? compact.slice(0, fractionMatch.index) : compact).split(sep);
  if (fields.length < 2 || fields.length > 3) return null;
  const [lead, ...rest] = fields;
  if (lead === undefined || !DIGITS.test(lead)) return null;
  if (!rest.every((f) => TWO_DIGITS.test(f) && Number(f) < 60)) return null;

  const fraction = fractionMatch?.[1] === undefined ? 0 : Number(`0.${fractionMatch[1]}`);
  return fields.reduce((total, field) => total * 60 + Number(field), 0) + fraction;
}

export interface TimecodeFormat {
  /** Digits after the seconds, floored. Default 0. */
  fractionDigits?: 0 | 1 | 2 | 3;
  /** Field separator. Default ':'. The fraction separator is '.' after ':' and ',' after '.'. */
  separator?: ':' | '.';
}

/**
 * `m:ss` under an hour, `h:mm:ss` from an hour on. Floors (see the file comment). Negative
 * and non-finite input is shown as 0. The output always parses back with parseTimecode.
 */
export function formatTimecode(sec: number, opts: TimecodeFormat = {}): string {
  const digits = opts.fractionDigits ?? 0;
  const sep = opts.separator ?? ':';
  const scale = 10 ** digits;
  // The epsilon keeps 371.3 * 10 = 3712.9999... from flooring to 6:11.2.
  const ticks = Number.isFinite(sec) && sec > 0 ? Math.floor(sec * scale + 1e-6) : 0;
  const wholeSec = Math.floor(ticks / scale);
  const h = Math.floor(wholeSec / 3600);
  const m = Math.floor((wholeSec % 3600) / 60);
  const s = wholeSec % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = h > 0 ? `${h}${sep}${pad(m)}${sep}${pad(s)}` : `${m}${sep}${pad(s)}`;
  if (digits === 0) return clock;
  const fraction = String(ticks % scale).padStart(digits, '0');
  return `${clock}${sep === ':' ? '.' : ','}${fraction}`;
}

// Range grammar (case-insensitive):
//   [van|from] T1 (- | – | — | tot | to | t/m) T2
//   with a minute word ("minuut", "minuten", "min", "minute", "minutes") before or after,
//   a bare whole number means minutes: "minuut 11-14", "11-14 min" = 11:00 – 14:00.
//   Without a minute word every side is a timecode as parseTimecode reads it ("75-90" = seconds).
const MINUTE_WORD = '(?:minuten|minutes|minuut|minute|min\\.?)';
const LEADING_MINUTES = new RegExp(`^${MINUTE_WORD}\\s*`, 'i');
const TRAILING_MINUTES = new RegExp(`\\s*${MINUTE_WORD}$`, 'i');
const RANGE_SPLIT = /^(.+?)\s*(?:-|–|—|\s(?:tot|to|t\/m)\s)\s*(.+)$/i;

/** A time range in seconds, or null when the text is not one or when out <= in. */
export function parseTimeRange(text: string): { inSec: number; outSec: number } | null {
  if (text.length > 200) return null;
  let body = text.trim().replace(/^(?:van|from)\s+/i, '');
  let minutes = false;
  if (LEADING_MINUTES.test(body)) {
    body = body.replace(LEADING_MINUTES, '');
    minutes = true;
  } else if (TRAILING_MINUTES.test(body)) {
    body = body.replace(TRAILING_MINUTES, '');
    minutes = true;
  }
  const parts = RANGE_SPLIT.exec(body.trim());
  if (!parts?.[1] || !parts[2]) return null;
  const side = (s: string) => (minutes && DIGITS.test(s.trim()) ? Number(s.trim()) * 60 : parseTimecode(s));
  const inSec = side(parts[1]);
  const outSec = side(parts[2]);
  if (inSec === null || outSec === null || outSec <= inSec || outSec > MAX_SECONDS) return null;
  return { inSec, outSec };
}

/** "6:00 – 6:30" (en dash with spaces, as in the method's reports). */
export function formatTimeRange(inSec: number, outSec: number, opts: TimecodeFormat = {}): string {
  return `${formatTimecode(inSec, opts)} – ${formatTimecode(outSec, opts)}`;
}
