// Calendar dates as people write them: shown and typed day first, as dd-mm-jjjj in Dutch and
// dd/mm/yyyy in English (the British convention; the app is used in the Netherlands, and a
// month-first date would be misread), whatever the computer's own locale. Stored as YYYY-MM-DD.
//
// Accepted when typed (in either language): 10-3-2025, 10/03/2025, 10.03.2025, 10 3 2025,
// 10032025, two-digit years (10-3-25 is 2025), 2025-03-10, and the month by name in the UI's
// language ("10 maart 2025", "10 mrt 2025", "10 March 2025").
export type DateLanguage = 'nl' | 'en';

export type DateParse =
  | { ok: true; iso: string | null }
  | { ok: false; reason: 'format' | 'no-such-date' | 'out-of-range' };

/** Years the app accepts: recordings are recent, but typos like 0202 or 20255 are not dates. */
export const YEAR_RANGE = { min: 1900, max: 2999 } as const;

const SEPARATOR: Record<DateLanguage, string> = { nl: '-', en: '/' };
const PATTERN: Record<DateLanguage, string> = { nl: 'dd-mm-jjjj', en: 'dd/mm/yyyy' };

const MONTH_NAMES: Record<DateLanguage, string[][]> = {
  nl: [
    ['januari', 'jan'], ['februari', 'feb'], ['maart', 'mrt', 'mar'], ['april', 'apr'], ['mei'], ['juni', 'jun'],
    ['juli', 'jul'], ['augustus', 'aug'], ['september', 'sep', 'sept'], ['oktober', 'okt', 'oct'], ['november', 'nov'],
    ['december', 'dec'],
  ],
  en: [
    ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
    ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'],
    ['december', 'dec'],
  ],
};

/** How a date is written in `lang`, for placeholders and hints: "dd-mm-jjjj". */
export function datePattern(lang: DateLanguage): string {
  return PATTERN[lang];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoFrom(year: number, month: number, day: number): DateParse {
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) return { ok: false, reason: 'out-of-range' };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: 'no-such-date' };
  return { ok: true, iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** Reads a typed date; empty text is "no date" (iso null). */
export function parseDate(text: string, lang: DateLanguage): DateParse {
  const s = text.trim().toLowerCase();
  if (s === '') return { ok: true, iso: null };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoFrom(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{4}|\d{2})$/.exec(s);
  if (m) return isoFrom(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (m) return isoFrom(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s*[-\s]\s*([\p{L}]+)\.?\s*[-\s]\s*(\d{4}|\d{2})$/u.exec(s);
  if (m) {
    const month = MONTH_NAMES[lang].findIndex((names) => names.includes(m![2]!));
    if (month >= 0) return isoFrom(fullYear(m[3]!), month + 1, Number(m[1]));
  }
  return { ok: false, reason: 'format' };
}

/** A stored date (YYYY-MM-DD) as shown in `lang`: "10-03-2025" / "10/03/2025". Text that is not
 * a stored date is returned as it is (never hidden). */
export function formatDate(iso: string, lang: DateLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const sep = SEPARATOR[lang];
  return `${m[3]}${sep}${m[2]}${sep}${m[1]}`;
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(now = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A moment (an ISO timestamp) as shown in `lang`, in local time: "29-11-2026 15:36" /
 * "29/11/2026 15:36" (always 24-hour). Text that is not a timestamp is returned as it is. */
export function formatDateTime(timestamp: string, lang: DateLanguage): string {
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) return timestamp;
  return `${formatDate(todayIso(at), lang)} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
