// A transcript with more lines than one import may store (the contract's cap) is refused in
// the preview with a clear problem, instead of sending the page a list it can't show or store.
import { describe, expect, it } from 'vitest';
import { previewTranscript } from '../../../electron/services/exchange/transcript-import';
import { MAX_TRANSCRIPT_LINES } from '../../../shared/input-rules';

const cues = (count: number, stamp: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => `${i + 1}\n${stamp(i)}\nRegel ${i}.\n`).join('\n');

describe('transcript size', () => {
  it('reads a transcript of exactly the most lines one import stores', () => {
    const preview = previewTranscript('lang.srt', cues(MAX_TRANSCRIPT_LINES, () => '00:00:01,000 --> 00:00:02,000'));
    expect(preview).toMatchObject({ status: 'ready' });
    expect(preview.status === 'ready' && preview.notes.length).toBe(MAX_TRANSCRIPT_LINES);
  });

  it('refuses one line more, naming the problem, for WebVTT and SRT alike', () => {
    const vtt = previewTranscript('te-lang.vtt', `WEBVTT\n\n${cues(MAX_TRANSCRIPT_LINES + 1, () => '00:01.000 --> 00:02.000')}`);
    expect(vtt).toMatchObject({ status: 'error', problem: 'too-many-lines', format: 'vtt', line: null });
    const srt = previewTranscript('te-lang.srt', cues(MAX_TRANSCRIPT_LINES + 1, () => '00:00:01,000 --> 00:00:02,000'));
    expect(srt).toMatchObject({ status: 'error', problem: 'too-many-lines', format: 'srt' });
  });
});
