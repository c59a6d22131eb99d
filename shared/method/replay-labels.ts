// How a fragment or a moment is referred to in an agenda: "6:00 – 6:30 (video 2)".
import type { Language } from '../domain';
import { formatTimecode, formatTimeRange } from '../timecode';
import type { FragmentLike, NoteLike, RecordingLike, ReplaySnapshot } from './model';
import { phrase } from './section-titles';

/** "video 2" when the session has more than one recording (or the recording is unknown), else null. */
export function recordingLabel(recordings: readonly RecordingLike[], recordingId: string, lang: Language): string | null {
  const recording = recordings.find((r) => r.id === recordingId);
  if (recording && recordings.length === 1) return null;
  return phrase('video', lang, { n: recording?.position ?? '?' });
}

function withRecording(text: string, recordings: readonly RecordingLike[], recordingId: string, lang: Language) {
  const video = recordingLabel(recordings, recordingId, lang);
  return video ? `${text} (${video})` : text;
}

export function replaySnapshot(
  fragment: FragmentLike,
  recordings: readonly RecordingLike[],
  lang: Language,
): ReplaySnapshot {
  return {
    recordingId: fragment.recordingId,
    inSec: fragment.inSec,
    outSec: fragment.outSec,
    label: withRecording(formatTimeRange(fragment.inSec, fragment.outSec), recordings, fragment.recordingId, lang),
  };
}

/** The fragment's own title, or "Fragment 6:00 – 6:30" when it has none. */
export function fragmentTitle(fragment: FragmentLike, lang: Language = 'nl'): string {
  const title = fragment.title.trim();
  return title !== '' ? title : phrase('fragmentAt', lang, { range: formatTimeRange(fragment.inSec, fragment.outSec) });
}

export function noteAnchor(note: NoteLike, recordings: readonly RecordingLike[], lang: Language) {
  return {
    recordingId: note.recordingId,
    timeSec: note.timeSec,
    label: withRecording(formatTimecode(note.timeSec), recordings, note.recordingId, lang),
  };
}
