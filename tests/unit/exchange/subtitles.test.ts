import { describe, expect, it } from 'vitest';
import { cuesToNoteDrafts, parseSrt, parseWebVtt, SubtitleParseError } from '../../../shared/exchange/subtitles';
import { segmentsFromVttCue, splitSpeakerPrefix } from '../../../shared/exchange/subtitle-cue-text';

// As Microsoft Teams writes a meeting transcript: GUID/segment cue ids and voice spans.
const TEAMS_VTT = `WEBVTT

8c1f7e0e-4b7d-4f4a-9a3e-2f9d4c1b6a10/11-0
00:00:03.120 --> 00:00:05.480
<v Jan Jansen>Goedemorgen, fijn dat je er bent.</v>

8c1f7e0e-4b7d-4f4a-9a3e-2f9d4c1b6a10/12-0
00:00:05.900 --> 00:00:08.250
<v Cliënt A>Ik wéét het niet, eerlijk gezegd.</v>

8c1f7e0e-4b7d-4f4a-9a3e-2f9d4c1b6a10/13-0
00:01:02.000 --> 00:01:09.500
<v Jan Jansen>Wat zou je willen bereiken
in de komende maanden?</v>
`;

// As a phone transcription app writes SRT: speaker prefixes, CRLF, a BOM, italics.
const PHONE_SRT =
  '\uFEFF1\r\n00:00:01,000 --> 00:00:03,500\r\nSpreker 1: Hallo, hoor je me?\r\n\r\n' +
  '2\r\n00:00:03,200 --> 00:00:06,000\r\nSpreker 2: Ja, ik hoor je.\r\nHet is <i>wel</i> even wennen.\r\n\r\n' +
  '3\r\n00:01:10,040 --> 00:01:12,000 X1:100 X2:500 Y1:10 Y2:50\r\n{\\an8}Ik wéét het niet.\r\n\r\n';

describe('parseWebVtt', () => {
  it('reads a Teams transcript with voices and Dutch text', () => {
    expect(parseWebVtt(TEAMS_VTT).cues).toEqual([
      { startSec: 3.12, endSec: 5.48, speaker: 'Jan Jansen', text: 'Goedemorgen, fijn dat je er bent.' },
      { startSec: 5.9, endSec: 8.25, speaker: 'Cliënt A', text: 'Ik wéét het niet, eerlijk gezegd.' },
      { startSec: 62, endSec: 69.5, speaker: 'Jan Jansen', text: 'Wat zou je willen bereiken\nin de komende maanden?' },
    ]);
  });

  it('handles BOM, CRLF, header metadata, NOTE/STYLE/REGION blocks, settings, hourless times and tags', () => {
    const vtt = [
      '\uFEFFWEBVTT - gesprek 3',
      'Kind: captions',
      'Language: nl',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'REGION',
      'id:onder width:40%',
      '',
      'NOTE dit bestand is gemaakt',
      'door de telefoon',
      '',
      '00:01.500 --> 00:04.000 align:start position:10% line:0',
      '<c.geel>Klant:</c> <i>Nou</i> &amp; dan &lt;stil&gt;',
      '',
      'NOTE',
      '',
      'cue-2',
      '1:00:00.000 --> 1:00:02.250',
      'KM: Zullen we afronden?',
      '',
    ].join('\r\n');
    expect(parseWebVtt(vtt).cues).toEqual([
      { startSec: 1.5, endSec: 4, speaker: 'Klant', text: 'Nou & dan <stil>' },
      { startSec: 3600, endSec: 3602.25, speaker: 'KM', text: 'Zullen we afronden?' },
    ]);
  });

  it('reads a Zoom-style transcript: numbered cues with "Name: " prefixes', () => {
    const vtt = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nJan Jansen: Hallo, kun je me horen?\n\n2\n00:00:03.500 --> 00:00:05.000\nCliënt A: Ja hoor.\n';
    expect(parseWebVtt(vtt).cues).toEqual([
      { startSec: 1, endSec: 3, speaker: 'Jan Jansen', text: 'Hallo, kun je me horen?' },
      { startSec: 3.5, endSec: 5, speaker: 'Cliënt A', text: 'Ja hoor.' },
    ]);
  });

  it('keeps overlapping cues, sorted by start', () => {
    const vtt = 'WEBVTT\n\n00:00:05.000 --> 00:00:09.000\n<v B>tweede</v>\n\n00:00:02.000 --> 00:00:06.000\n<v A>eerste</v>\n\n00:00:05.000 --> 00:00:07.000\n<v C>derde</v>\n';
    expect(parseWebVtt(vtt).cues.map((c) => [c.startSec, c.endSec, c.speaker])).toEqual([
      [2, 6, 'A'],
      [5, 9, 'B'],
      [5, 7, 'C'],
    ]);
  });

  it('splits a cue with two voices into two cues with the same times', () => {
    const vtt = 'WEBVTT\n\n00:10.000 --> 00:12.000\n<v Jan>Hoi</v>\n<v.loud Piet>Hallo!</v>\n';
    expect(parseWebVtt(vtt).cues).toEqual([
      { startSec: 10, endSec: 12, speaker: 'Jan', text: 'Hoi' },
      { startSec: 10, endSec: 12, speaker: 'Piet', text: 'Hallo!' },
    ]);
  });

  it('reads a voice span without its closing tag, and an escaped speaker name', () => {
    const vtt = 'WEBVTT\n\n00:10.000 --> 00:12.000\n<v Tom &amp; Jerry>samen\n';
    expect(parseWebVtt(vtt).cues).toEqual([{ startSec: 10, endSec: 12, speaker: 'Tom & Jerry', text: 'samen' }]);
  });

  it('accepts an empty file with only the header, and zero-length cues', () => {
    expect(parseWebVtt('WEBVTT\n').cues).toEqual([]);
    expect(parseWebVtt('WEBVTT').cues).toEqual([]);
    expect(parseWebVtt('WEBVTT\n\n00:01.000 --> 00:01.000\nflits\n').cues).toEqual([{ startSec: 1, endSec: 1, speaker: '', text: 'flits' }]);
  });

  it.each([
    ['a missing header', '00:01.000 --> 00:02.000\nhoi\n', /WebVTT line 1: missing "WEBVTT" header/],
    ['an empty file', '', /WebVTT line 1: missing "WEBVTT" header.*found an empty line/],
    ['an SRT file given as WebVTT', '1\n00:00:01,000 --> 00:00:02,000\nhoi\n', /missing "WEBVTT" header/],
  ])('refuses %s as a whole', (_label, text, message) => {
    let error: unknown;
    try {
      parseWebVtt(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SubtitleParseError);
    expect((error as SubtitleParseError).line).toBe(1);
    expect((error as Error).message).toMatch(message);
  });

  const GOOD_CUE = '\n\n00:10.000 --> 00:11.000\nwel\n';
  it.each([
    ['a comma before the milliseconds', 'WEBVTT\n\n00:00:01,000 --> 00:00:02.000\nhoi' + GOOD_CUE, 3, /WebVTT line 3: bad start time "00:00:01,000" \(expected 00:01\.000 or 01:02:03\.000\)/],
    ['minutes over 59 without hours', 'WEBVTT\n\n75:00.000 --> 76:00.000\nhoi' + GOOD_CUE, 3, /bad start time "75:00\.000"/],
    ['a bad end time', 'WEBVTT\n\n00:01.000 --> 00:02.5\nhoi' + GOOD_CUE, 3, /WebVTT line 3: bad end time "00:02\.5"/],
    ['an end before the start', 'WEBVTT\n\nid\n00:05.000 --> 00:02.000\nhoi' + GOOD_CUE, 4, /WebVTT line 4: cue ends \(00:02\.000\) before it starts \(00:05\.000\)/],
    ['a block without timing', 'WEBVTT\n\nzomaar wat tekst\nnog meer' + GOOD_CUE, 3, /WebVTT line 3: expected a cue timing line/],
    ['a time no recording reaches', 'WEBVTT\n\n999999:00:00.000 --> 999999:00:01.000\nhoi' + GOOD_CUE, 3, /bad start time/],
  ])('skips a cue with %s, naming its line, and reads the rest', (_label, text, line, message) => {
    const doc = parseWebVtt(text);
    expect(doc.cues).toEqual([{ startSec: 10, endSec: 11, speaker: '', text: 'wel' }]);
    expect(doc.skipped).toHaveLength(1);
    expect(doc.skipped[0]!.line).toBe(line);
    expect(doc.skipped[0]!.detail).toMatch(message);
  });

  it('starts a new cue at a timing line where a blank line is missing (as browsers do)', () => {
    expect(parseWebVtt('WEBVTT\n00:01.000 --> 00:02.000\nhoi\n').cues).toEqual([{ startSec: 1, endSec: 2, speaker: '', text: 'hoi' }]);
    const doc = parseWebVtt('WEBVTT\n\n00:01.000 --> 00:02.000\nhoi\n00:03.000 --> 00:04.000\nda\n');
    expect(doc.cues.map((c) => c.text)).toEqual(['hoi', 'da']);
    expect(doc.skipped).toEqual([]);
  });

  it('reads a 300 kB cue full of "<" in linear time', { timeout: 5000 }, () => {
    const text = `WEBVTT\n\n00:01.000 --> 00:02.000\n${'<'.repeat(300_000)}\n`;
    expect(parseWebVtt(text).cues).toHaveLength(1);
    const voices = `WEBVTT\n\n00:01.000 --> 00:02.000\n<v Jan>${'<a'.repeat(150_000)}\n`;
    expect(parseWebVtt(voices).cues[0]!.speaker).toBe('Jan');
  });
});

describe('parseSrt', () => {
  it('reads a phone app SRT with speaker prefixes, tags, positions and multi-line cues', () => {
    expect(parseSrt(PHONE_SRT).cues).toEqual([
      { startSec: 1, endSec: 3.5, speaker: 'Spreker 1', text: 'Hallo, hoor je me?' },
      { startSec: 3.2, endSec: 6, speaker: 'Spreker 2', text: 'Ja, ik hoor je.\nHet is wel even wennen.' },
      { startSec: 70.04, endSec: 72, speaker: '', text: 'Ik wéét het niet.' },
    ]);
  });

  it('accepts dots before milliseconds, a missing cue number, extra blank lines, "-->" in text and LF or CR line ends', () => {
    const srt = '\n\n1\n00:00:02.500 --> 00:00:04.000\nA --> B\n\n\n\n00:00:01,000 --> 00:00:02,000\nJan: eerst\r\r';
    expect(parseSrt(srt).cues).toEqual([
      { startSec: 1, endSec: 2, speaker: 'Jan', text: 'eerst' },
      { startSec: 2.5, endSec: 4, speaker: '', text: 'A --> B' },
    ]);
  });

  it('splits a cue whose lines have different speakers', () => {
    const srt = '1\n00:00:01,000 --> 00:00:04,000\nKM: Hoe gaat het?\nC: Goed.\nEcht goed.\n';
    expect(parseSrt(srt).cues).toEqual([
      { startSec: 1, endSec: 4, speaker: 'KM', text: 'Hoe gaat het?' },
      { startSec: 1, endSec: 4, speaker: 'C', text: 'Goed.\nEcht goed.' },
    ]);
  });

  it('reads an empty file as no cues', () => {
    expect(parseSrt('').cues).toEqual([]);
    expect(parseSrt('\uFEFF\r\n').cues).toEqual([]);
  });

  const GOOD_CUE = '\n\n9\n00:00:10,000 --> 00:00:11,000\nwel\n';
  it.each([
    ['a bad timestamp', '1\n00:00:01 --> 00:00:02,000\nhoi' + GOOD_CUE, 2, /SRT line 2: bad start time "00:00:01" \(expected 00:00:01,000\)/],
    ['a number without timing', '1\nhoi' + GOOD_CUE, 2, /SRT line 2: expected a timing line like "00:00:01,000 --> 00:00:04,000" after cue number 1/],
    ['text where a cue should start', 'losse tekst' + GOOD_CUE, 1, /SRT line 1: expected a cue number or a timing line, found "losse tekst"/],
    ['an end before the start', '1\n00:00:09,000 --> 00:00:02,000\nhoi' + GOOD_CUE, 2, /SRT line 2: cue ends \(00:00:02,000\) before it starts \(00:00:09,000\)/],
    ['seconds over 59', '1\n00:00:61,000 --> 00:01:02,000\nhoi' + GOOD_CUE, 2, /bad start time "00:00:61,000"/],
  ])('skips a cue with %s, naming its line, and reads the rest', (_label, text, line, message) => {
    const doc = parseSrt(text);
    expect(doc.cues).toEqual([{ startSec: 10, endSec: 11, speaker: '', text: 'wel' }]);
    expect(doc.skipped).toHaveLength(1);
    expect(doc.skipped[0]!.line).toBe(line);
    expect(doc.skipped[0]!.detail).toMatch(message);
  });

  it('skips a lone number at the end, and starts a new cue where a blank line is missing', () => {
    expect(parseSrt('1\n00:00:01,000 --> 00:00:02,000\nhoi\n\n2\n').skipped.map((s) => s.line)).toEqual([5]);
    const doc = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nhoi\n2\n00:00:03,000 --> 00:00:04,000\nda\n');
    expect(doc.cues.map((c) => c.text)).toEqual(['hoi', 'da']);
    expect(doc.skipped).toEqual([]);
  });
});

describe('splitSpeakerPrefix', () => {
  it.each([
    ['KM: Hoe gaat het?', { speaker: 'KM', text: 'Hoe gaat het?' }],
    ['Cliënt A: ja', { speaker: 'Cliënt A', text: 'ja' }],
    ['Jan van der Berg: precies', { speaker: 'Jan van der Berg', text: 'precies' }],
    ['Speaker 2: yes', { speaker: 'Speaker 2', text: 'yes' }],
    ['Let op: dit is tekst', null],
    ['Vraag voor de cliënt: wat dacht je?', null],
    ['10:30 afspraak', null],
    ['om 10: 30', null],
    ['Dus, kijk: zo', null],
    ['Een heel lange zin met veel woorden erin: tekst', null],
    ['[Observatie] Jan: x', null],
    ['[naam cliënt]: Ik wéét het niet', { speaker: '[naam cliënt]', text: 'Ik wéét het niet' }],
    ['[Observatie] kijkt: weg', null],
  ])('%s', (line, expected) => {
    expect(splitSpeakerPrefix(line)).toEqual(expected);
  });
});

describe('segmentsFromVttCue', () => {
  it('drops timestamp and class tags and keeps text outside voices', () => {
    expect(segmentsFromVttCue('<v Jan>Hoi <00:00:01.500>daar</v> ja')).toEqual([
      { speaker: 'Jan', text: 'Hoi daar' },
      { speaker: '', text: 'ja' },
    ]);
  });
});

describe('cuesToNoteDrafts', () => {
  it('makes transcript notes at the cue start, joining subtitle lines and dropping empty cues', () => {
    const cues = [
      ...parseWebVtt(TEAMS_VTT).cues,
      { startSec: 70, endSec: 71, speaker: ' ', text: '  ' },
    ];
    expect(cuesToNoteDrafts(cues)).toEqual([
      { timeSec: 3.12, kind: 'transcript', speaker: 'Jan Jansen', text: 'Goedemorgen, fijn dat je er bent.' },
      { timeSec: 5.9, kind: 'transcript', speaker: 'Cliënt A', text: 'Ik wéét het niet, eerlijk gezegd.' },
      { timeSec: 62, kind: 'transcript', speaker: 'Jan Jansen', text: 'Wat zou je willen bereiken in de komende maanden?' },
    ]);
  });

  it('gives an empty list for no cues', () => {
    expect(cuesToNoteDrafts([])).toEqual([]);
  });
});
