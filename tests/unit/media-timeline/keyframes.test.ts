import { describe, expect, it } from 'vitest';
import {
  KEYFRAME_WINDOW_SEC,
  keyframeProbeArgs,
  keyframeWindows,
  parseKeyframePackets,
} from '../../../electron/services/media/keyframes';

/** ffprobe's `pts_time,flags` lines for a stream of `fps` with a keyframe every `gop` frames, in [from, to]. */
function packets(fps: number, gop: number, from: number, to: number): string {
  const lines: string[] = [];
  const firstFrame = Math.floor((from * fps) / gop) * gop; // ffprobe starts at the keyframe before `from`
  for (let n = firstFrame; n / fps <= to; n++) lines.push(`${(n / fps).toFixed(6)},${n % gop === 0 ? 'K_' : '__'}`);
  return lines.join('\n');
}

describe('keyframe interval estimate', () => {
  it('looks at three short windows of a long file, at the whole of a short one', () => {
    expect(keyframeWindows(3600)).toEqual([
      { startSec: 360, endSec: 360 + KEYFRAME_WINDOW_SEC },
      { startSec: 1620, endSec: 1620 + KEYFRAME_WINDOW_SEC },
      { startSec: 2880, endSec: 2880 + KEYFRAME_WINDOW_SEC },
    ]);
    expect(keyframeWindows(30)).toEqual([{ startSec: 0, endSec: 30 }]);
    const args = keyframeProbeArgs('/r/a.mp4', keyframeWindows(3600));
    expect(args[args.indexOf('-read_intervals') + 1]).toBe('360%384,1620%1644,2880%2904');
    expect(args[args.indexOf('-select_streams') + 1]).toBe('v:0');
    expect(args[args.indexOf('-show_entries') + 1]).toBe('packet=pts_time,flags');
    expect(args.at(-1)).toBe('/r/a.mp4');
  });

  it('measures the distance between keyframes inside each window, never across windows', () => {
    const windows = keyframeWindows(3600);
    const csv = windows.map((w) => packets(25, 250, w.startSec, w.endSec)).join('\n');
    expect(parseKeyframePackets(csv, windows)).toEqual({ intervalSec: 10, exact: true });
    const oneSecond = windows.map((w) => packets(30, 30, w.startSec, w.endSec)).join('\n');
    expect(parseKeyframePackets(oneSecond, windows)).toEqual({ intervalSec: 1, exact: true });
  });

  it('gives a lower bound when no window holds two keyframes (a very long GOP)', () => {
    const windows = keyframeWindows(3600);
    const csv = windows.map((w) => packets(25, 25 * 60, w.startSec, w.endSec)).join('\n');
    const estimate = parseKeyframePackets(csv, windows);
    expect(estimate.exact).toBe(false);
    expect(estimate.intervalSec).toBeGreaterThanOrEqual(KEYFRAME_WINDOW_SEC);
  });

  it('copes with B-frame order, N/A and empty output', () => {
    const windows = [{ startSec: 0, endSec: 4 }];
    expect(parseKeyframePackets('0.000,K_\n0.080,__\n0.040,__\n2.000,K_\nN/A,__\n4.000,K_\n', windows)).toEqual({
      intervalSec: 2,
      exact: true,
    });
    expect(parseKeyframePackets('', windows)).toEqual({ intervalSec: null, exact: false });
  });
});
