// How far apart a recording's keyframes are, estimated quickly: ffprobe lists the video packets
// of a few short windows (`-read_intervals`, so it seeks there and reads only those seconds;
// packets, not frames, so nothing is decoded) and we measure the distance between packets flagged
// K. The browser can only start decoding at such a keyframe, so a long interval (screen and
// camera recordings often have 10 s or more) makes every seek slow: that is when the app suggests
// a scrub proxy. Argument builder and parser are pure.
import type { MediaBinaries } from './binaries';
import { BACKGROUND_NICENESS, runFfprobe } from './ffmpeg-runner';

export interface KeyframeWindow {
  startSec: number;
  endSec: number;
}

export interface KeyframeEstimate {
  /**
   * The typical (median) distance between keyframes in seconds; when no window held two keyframes,
   * the longest stretch seen without one (a lower bound, `exact` false). null: no video packets seen.
   */
  intervalSec: number | null;
  exact: boolean;
}

/** Long enough to see two keyframes of a 10-second GOP; short enough to stay well under a second. */
export const KEYFRAME_WINDOW_SEC = 24;
const WINDOW_POSITIONS = [0.1, 0.45, 0.8];

/** Where to look: the whole file when short, else three windows spread over it. */
export function keyframeWindows(durationSec: number): KeyframeWindow[] {
  if (!(durationSec > 0)) return [{ startSec: 0, endSec: KEYFRAME_WINDOW_SEC }];
  if (durationSec <= KEYFRAME_WINDOW_SEC * WINDOW_POSITIONS.length) return [{ startSec: 0, endSec: durationSec }];
  return WINDOW_POSITIONS.map((position) => {
    const startSec = Math.floor(Math.min(position * durationSec, durationSec - KEYFRAME_WINDOW_SEC));
    return { startSec, endSec: startSec + KEYFRAME_WINDOW_SEC };
  });
}

export function keyframeProbeArgs(input: string, windows: KeyframeWindow[]): string[] {
  const intervals = windows.map((w) => `${round3(w.startSec)}%${round3(w.endSec)}`).join(',');
  return [
    '-v', 'error',
    '-hide_banner',
    '-select_streams', 'v:0',
    '-read_intervals', intervals,
    '-show_entries', 'packet=pts_time,flags',
    '-of', 'csv=p=0',
    '-i', input,
  ];
}

/**
 * Pure: ffprobe's `pts_time,flags` lines to an estimate. Packets are grouped by window (each
 * window's list starts at the keyframe before its start, so it is grouped with that window by
 * time); distances are measured only inside a group.
 */
export function parseKeyframePackets(csv: string, windows: KeyframeWindow[]): KeyframeEstimate {
  const packets: { t: number; key: boolean }[] = [];
  for (const line of csv.split(/\r?\n/)) {
    const [pts, flags = ''] = line.trim().split(',');
    const t = Number(pts);
    if (pts === undefined || pts === '' || pts === 'N/A' || !Number.isFinite(t)) continue;
    packets.push({ t, key: flags.startsWith('K') });
  }
  if (packets.length === 0) return { intervalSec: null, exact: false };

  const ends = [...windows.map((w) => w.endSec)].sort((a, b) => a - b);
  const groupOf = (t: number) => {
    const index = ends.findIndex((end) => t <= end + 1e-6);
    return index < 0 ? ends.length - 1 : index;
  };
  const groups = new Map<number, { keys: number[]; first: number; last: number }>();
  for (const { t, key } of packets) {
    const g = groupOf(t);
    const group = groups.get(g) ?? { keys: [], first: t, last: t };
    if (key) group.keys.push(t);
    group.first = Math.min(group.first, t);
    group.last = Math.max(group.last, t);
    groups.set(g, group);
  }

  const distances: number[] = [];
  let longestWithout = 0;
  for (const { keys, first, last } of groups.values()) {
    keys.sort((a, b) => a - b);
    for (let i = 1; i < keys.length; i++) {
      const d = keys[i]! - keys[i - 1]!;
      if (d > 1e-6) distances.push(d);
    }
    // No keyframe came after the group's last one (or in the whole group, when it has none).
    longestWithout = Math.max(longestWithout, last - (keys.length > 0 ? keys[keys.length - 1]! : first));
  }
  if (distances.length > 0) {
    distances.sort((a, b) => a - b);
    return { intervalSec: round3(distances[Math.floor(distances.length / 2)]!), exact: true };
  }
  return { intervalSec: longestWithout > 0 ? round3(longestWithout) : null, exact: false };
}

/** Estimates the keyframe interval of the first video stream; null when there is none. */
export async function estimateKeyframeInterval(
  bin: MediaBinaries,
  input: string,
  durationSec: number,
  signal?: AbortSignal,
): Promise<KeyframeEstimate> {
  const windows = keyframeWindows(durationSec);
  // Background work (the scrub-proxy offer): at low priority.
  const { stdout } = await runFfprobe(bin, keyframeProbeArgs(input, windows), { signal, timeoutMs: 20_000, niceness: BACKGROUND_NICENESS });
  return parseKeyframePackets(stdout, windows);
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
