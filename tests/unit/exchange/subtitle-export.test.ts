import { describe, expect, it } from 'vitest';
import { notesToSrt, notesToWebVtt, parseSrt, parseWebVtt } from '../../../shared/exchange/subtitles';
import { note, REC2 } from './fixtures';

const ms = (sec: number) => Math.round(sec * 1000);

describe('notesToWebVtt', () => {
  it('writes a cue per note, voices for transcript lines and kind labels for the rest', () => {
    const vtt = notesToWebVtt(
      [
        note(12.5, 'observation', 'Cliënt kijkt weg'),
        note(10, 'transcript', 'Hoe gaat het?', { speaker: 'KM' }),
        note(11, 'transcript', 'Ik wéét het niet.', { speaker: 'C' }),
      ],
      { pseudonyms: [], durationSec: 100 },
    );
    expect(vtt).toBe(
      'WEBVTT\n\n' +
        '00:00:10.000 --> 00:00:11.000\n<v KM>Hoe gaat het?</v>\n\n' +
        '00:00:11.000 --> 00:00:12.500\n<v C>Ik wéét het niet.</v>\n\n' +
        '00:00:12.500 --> 00:00:18.500\n[Observatie] Cliënt kijkt weg\n',
    );
  });

  it.each([
    ['runs to the next note', [0, 3], 100, [3000]],
    ['lasts at least 1 s, overlapping the next note', [0, 0.2], 100, [1000]],
    ['lasts at most 6 s', [0, 60], 100, [6000]],
    ['runs to the next later note when notes share a time', [0, 0, 2.5], 100, [2500, 2500]],
    ['lets the last note run to the end of the recording', [97], 100, [3000]],
    ['gives the last note 1 s even past the end of the recording', [99.8], 100, [1000]],
    ['gives the last note 6 s without a duration', [50], 0, [6000]],
  ])('%s', (_label, times, durationSec, durationsMs) => {
    const notes = times.map((t) => note(t, 'event', `op ${t}`));
    const cues = parseWebVtt(notesToWebVtt(notes, { pseudonyms: [], durationSec })).cues;
    expect(cues.slice(0, durationsMs.length).map((c) => ms(c.endSec) - ms(c.startSec))).toEqual(durationsMs);
  });

  it('escapes markup characters and removes blank lines from note text', () => {
    const vtt = notesToWebVtt([note(1, 'transcript', 'a < b && c --> d\n\n  tweede regel ', { speaker: 'Tom > Jerry & co' })], { pseudonyms: [] });
    expect(vtt).toContain('<v Tom &gt; Jerry &amp; co>a &lt; b &amp;&amp; c --&gt; d\ntweede regel</v>');
    expect(parseWebVtt(vtt).cues[0]).toMatchObject({ speaker: 'Tom > Jerry & co', text: 'a < b && c --> d\ntweede regel' });
  });

  it('uses English kind labels when asked, and leaves out transcript lines without text', () => {
    const vtt = notesToWebVtt([note(1, 'question_client', 'Wat dacht je toen?'), note(2, 'transcript', '  ', { speaker: 'KM' })], { pseudonyms: [], lang: 'en' });
    expect(parseWebVtt(vtt).cues.map((c) => c.text)).toEqual(['[Question for the client] Wat dacht je toen?']);
  });

  it('writes just the header for no notes', () => {
    expect(notesToWebVtt([], { pseudonyms: [] })).toBe('WEBVTT\n');
  });

  it('refuses notes of two recordings', () => {
    expect(() => notesToWebVtt([note(1, 'event', 'a'), note(2, 'event', 'b', { recordingId: REC2 })], { pseudonyms: [] })).toThrow(/one recording/);
  });
});

describe('notesToSrt', () => {
  it('writes numbered cues with comma milliseconds, CRLF and speaker prefixes', () => {
    const srt = notesToSrt([note(3661.25, 'transcript', 'Tot volgende keer.', { speaker: 'KM' }), note(3663, 'event', 'Einde')], { pseudonyms: [], durationSec: 3665 });
    expect(srt).toBe(
      '1\r\n01:01:01,250 --> 01:01:03,000\r\nKM: Tot volgende keer.\r\n\r\n' + '2\r\n01:01:03,000 --> 01:01:05,000\r\n[Gebeurtenis] Einde\r\n',
    );
  });

  it('writes nothing for no notes', () => {
    expect(notesToSrt([], { pseudonyms: [] })).toBe('');
  });
});

describe('subtitle round trip', () => {
  const transcript = [
    note(0, 'transcript', 'Goedemorgen.', { speaker: 'KM' }),
    note(2.345, 'transcript', 'Ik wéét het niet.', { speaker: 'Cliënt A' }),
    note(2.345, 'transcript', 'Tegelijk gezegd.', { speaker: 'Jan van der Berg' }),
    note(7.891, 'transcript', 'Twee regels\nin één notitie.', { speaker: 'KM' }),
    note(61.007, 'transcript', 'Zonder spreker.'),
    note(3725.5, 'transcript', 'Na een uur: nog steeds "hier" & <daar>.', { speaker: 'C' }),
  ];
  const expected = transcript.map((n) => ({ ms: ms(n.timeSec), speaker: n.speaker, text: n.text }));

  it.each([
    ['WebVTT', (notes: typeof transcript) => parseWebVtt(notesToWebVtt(notes, { pseudonyms: [], durationSec: 4000 }))],
    ['SRT', (notes: typeof transcript) => parseSrt(notesToSrt(notes, { pseudonyms: [], durationSec: 4000 }))],
  ])('%s gives back the times (ms), speakers and texts of transcript notes', (_format, roundTrip) => {
    const cues = roundTrip(transcript).cues;
    expect(cues.map((c) => ({ ms: ms(c.startSec), speaker: c.speaker, text: c.text }))).toEqual(expected);
  });
});
