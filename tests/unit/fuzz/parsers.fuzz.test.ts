// Property-based tests of every parser of outside input and of timecodes: whatever the text, the
// answer is a result or the parser's own clear error (never a raw TypeError or RangeError),
// within a fixed time budget (each test's timeout), including long runs of the characters that
// make naive parsers quadratic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewTranscript } from '../../../electron/services/exchange/transcript-import';
import { CsvParseError, parseCsv } from '../../../shared/exchange/csv';
import { EafParseError, fromEaf } from '../../../shared/exchange/eaf';
import { parseSrt, parseWebVtt, SubtitleParseError } from '../../../shared/exchange/subtitles';
import { parseXml, XmlParseError } from '../../../shared/exchange/xml';
import { Seconds } from '../../../shared/input-rules';
import { formatTimecode, MAX_SECONDS, parseTimecode, parseTimeRange } from '../../../shared/timecode';

const BUDGET = { timeout: 20_000 };

/** Text made of the pieces each format is built from, so the fuzzer reaches deep into the parser. */
function textOf(pieces: string[], maxLength = 300): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength }).map((parts) => parts.join(''));
}

/** Long runs of one piece: the classic quadratic trigger. */
function longRuns(pieces: string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...pieces), fc.integer({ min: 10_000, max: 60_000 }), fc.constantFrom(...pieces)).map(([a, n, b]) => a.repeat(n) + b);
}

/** Runs `parse`; only `allowed` errors may come out. */
function onlyClearErrors(parse: () => unknown, ...allowed: (new (...args: never[]) => Error)[]): void {
  try {
    parse();
  } catch (error) {
    if (!allowed.some((type) => error instanceof type)) throw error;
  }
}

const VTT_PIECES = ['WEBVTT', '\n', '\n\n', '\r\n', ' --> ', '-->', '00:01.000', '01:02:03.500', '99:99.999', '<v Jan>', '</v>', '<', '>', '<i>', '&amp;', '&', '&#x1F44D;', 'NOTE', 'Jan: ', ' ', 'tekst'];
const SRT_PIECES = ['1', '\n', '\n\n', '\r', ' --> ', '00:00:01,000', '00:00:02.500', '<i>', '</i>', '{\\an8}', '<', 'KM: ', ' ', 'tekst'];
const XML_PIECES = ['<', '>', '</', '/>', '<a>', '</a>', '<ANNOTATION_DOCUMENT>', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&', '&#10;', '"', "'", '=', ' x="1"', '<!DOCTYPE a>', '<?xml version="1.0"?>', 'tekst'];
const CSV_PIECES = [';', ',', '"', '""', '\n', '\r\n', 'a', '=1+1', ' '];

describe('fuzz: transcripts', () => {
  it('WebVTT: cues or a SubtitleParseError, never anything else', BUDGET, () => {
    fc.assert(fc.property(fc.oneof(textOf(VTT_PIECES), textOf(VTT_PIECES).map((t) => `WEBVTT\n\n${t}`)), (text) => {
      onlyClearErrors(() => {
        const doc = parseWebVtt(text);
        for (const cue of doc.cues) expect(Seconds.safeParse(cue.startSec).success && cue.endSec >= cue.startSec).toBe(true);
      }, SubtitleParseError);
    }), { numRuns: 400 });
  });

  it('SRT: never throws; every cue has readable times', BUDGET, () => {
    fc.assert(fc.property(textOf(SRT_PIECES), (text) => {
      for (const cue of parseSrt(text).cues) expect(cue.endSec).toBeGreaterThanOrEqual(cue.startSec);
    }), { numRuns: 400 });
  });

  it('WebVTT and SRT: long runs of one piece are read in linear time', BUDGET, () => {
    fc.assert(fc.property(longRuns(['<', '&', '-->', '<v ', 'a', ' ', '\n', '&a']), (run) => {
      onlyClearErrors(() => parseWebVtt(`WEBVTT\n\n00:01.000 --> 00:02.000\n${run}`), SubtitleParseError);
      parseSrt(`1\n00:00:01,000 --> 00:00:02,000\n${run}`);
    }), { numRuns: 15 });
  });

  it('the import preview never throws, whatever the file is called and holds', BUDGET, () => {
    fc.assert(fc.property(fc.constantFrom('x.vtt', 'x.srt', 'x.eaf', 'x.txt'), fc.oneof(textOf(VTT_PIECES), textOf(XML_PIECES), textOf(SRT_PIECES)), (name, text) => {
      const preview = previewTranscript(name, text);
      expect(['ready', 'error']).toContain(preview.status);
    }), { numRuns: 300 });
  });
});

describe('fuzz: XML and ELAN', () => {
  it('XML: an element tree or an XmlParseError', BUDGET, () => {
    fc.assert(fc.property(textOf(XML_PIECES), (text) => onlyClearErrors(() => parseXml(text), XmlParseError)), { numRuns: 400 });
  });

  it('XML: long runs (entities, nesting, "<") stay linear and never overflow the stack', BUDGET, () => {
    fc.assert(fc.property(longRuns(['<a>', '&amp;', '<', '&#10;', '<!--', 'x']), (run) => {
      onlyClearErrors(() => parseXml(`<r>${run}</r>`), XmlParseError);
    }), { numRuns: 15 });
  });

  it('ELAN: an import or an EafParseError', BUDGET, () => {
    fc.assert(fc.property(textOf(XML_PIECES), (text) => onlyClearErrors(() => fromEaf(text), EafParseError)), { numRuns: 300 });
  });
});

describe('fuzz: CSV', () => {
  it('rows or a CsvParseError; quoted fields round-trip', BUDGET, () => {
    fc.assert(fc.property(textOf(CSV_PIECES), (text) => onlyClearErrors(() => parseCsv(text), CsvParseError)), { numRuns: 400 });
    fc.assert(fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
      const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(';')).join('\r\n');
      expect(parseCsv(text)).toEqual(rows);
    }), { numRuns: 200 });
  });
});

describe('fuzz: timecodes', () => {
  it('parseTimecode gives null or a finite time within 100 hours, and its own format reads back', BUDGET, () => {
    fc.assert(fc.property(fc.oneof(fc.string(), textOf(['0', '1', '5', '9', ':', '.', ',', 's', ' ', '59', '60', '99999999999999999999'], 20)), (text) => {
      const sec = parseTimecode(text);
      if (sec === null) return;
      expect(Number.isFinite(sec) && sec >= 0 && sec <= MAX_SECONDS).toBe(true);
      expect(parseTimecode(formatTimecode(sec, { fractionDigits: 3 }))).toBeCloseTo(Math.floor(sec * 1000 + 1e-6) / 1000, 6);
    }), { numRuns: 1000 });
  });

  it('formatTimecode never writes NaN or Infinity, and parseTimeRange keeps in < out', BUDGET, () => {
    fc.assert(fc.property(fc.double(), (sec) => {
      expect(formatTimecode(sec)).not.toMatch(/NaN|Infinity/);
    }), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => {
      const range = parseTimeRange(text);
      if (range) expect(range.inSec).toBeLessThan(range.outSec);
    }), { numRuns: 1000 });
  });
});
