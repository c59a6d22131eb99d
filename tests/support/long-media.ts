// Generated media for the timeline tests and the benchmark: files whose content says what time it
// is (a tone between silences, a picture whose brightness steps every second), long-but-tiny
// files for the browser tests, and the benchmark's hour of 1080p and ten minutes of HEVC.
//
// Long files are made cheaply: a short segment is encoded once and repeated with the concat
// demuxer and stream copy, so an hour of 1080p costs about a minute of encoding, not twenty.
import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { cachedMedia } from './media-cache';
import { fixtureBinaries } from './media-fixtures';

const execFileAsync = promisify(execFile);

async function ffmpeg(args: string[]): Promise<void> {
  const bin = await fixtureBinaries();
  try {
    await execFileAsync(bin.ffmpeg, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`Making test media failed: ${bin.ffmpeg} ${args.join(' ')}\n${stderr}`);
  }
}

/** Writes `output` only once (and once per test run: media-cache.ts), made by `make` into the path it is given. */
function makeOnce(output: string, make: (partial: string) => Promise<void>): Promise<string> {
  return cachedMedia(path.dirname(output), path.basename(output), make);
}

const AAC_FAST = ['-c:a', 'aac', '-aac_coder', 'fast', '-b:a', '64k', '-ac', '1'];
const X264_FAST = ['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-pix_fmt', 'yuv420p'];

/**
 * Audio only (.m4a): `silenceSec` of silence, `toneSec` of a 440 Hz tone at `amplitude` (0..1),
 * then `silenceSec` of silence again. The waveform must come out low / high / low.
 */
export function makeToneBetweenSilences(
  dir: string,
  opts: { silenceSec?: number; toneSec?: number; amplitude?: number } = {},
): Promise<string> {
  const { silenceSec = 2, toneSec = 2, amplitude = 0.8 } = opts;
  const total = silenceSec * 2 + toneSec;
  const output = path.join(dir, `tone-${silenceSec}-${toneSec}-${amplitude}.m4a`);
  const expr = `if(between(t\\,${silenceSec}\\,${silenceSec + toneSec})\\,${amplitude}*sin(2*PI*440*t)\\,0)`;
  return makeOnce(output, (partial) =>
    // AAC's default coder at 128k: the fast coder distorts a loud pure tone by up to 40%.
    ffmpeg(['-f', 'lavfi', '-i', `aevalsrc=${expr}:s=48000:d=${total}`, '-c:a', 'aac', '-b:a', '128k', '-ac', '1',
      '-movflags', '+faststart', partial]),
  );
}

/**
 * Video whose brightness says the time: luma = (floor(t) mod 10) * 20 + 16 (so 16, 36, ... 196),
 * a keyframe every `gopSec`, with a quiet tone. A thumbnail of time T must have the luma of T.
 * `sar` makes its pixels non-square (e.g. '4/3': 120x90 stored, shown 160x90, as DV camcorders do).
 */
export function makeBrightnessClock(
  dir: string,
  opts: { durationSec?: number; fps?: number; gopSec?: number; width?: number; height?: number; audio?: boolean; sar?: string } = {},
): Promise<string> {
  const { durationSec = 20, fps = 5, gopSec = 1, width = 160, height = 90, audio = true, sar } = opts;
  const shape = `${width}x${height}${sar ? `-sar${sar.replace('/', '_')}` : ''}`;
  const output = path.join(dir, `brightness-${durationSec}s-${fps}fps-gop${gopSec}-${shape}${audio ? '' : '-silent'}.mp4`);
  const video =
    `color=c=black:s=${width}x${height}:r=${fps},geq=lum='16+mod(floor(T)\\,10)*20':cb=128:cr=128` + (sar ? `,setsar=${sar}` : '');
  const gop = String(Math.max(1, Math.round(gopSec * fps)));
  return makeOnce(output, (partial) =>
    ffmpeg([
      '-f', 'lavfi', '-i', video,
      ...(audio ? ['-f', 'lavfi', '-i', 'sine=frequency=300:sample_rate=16000'] : []),
      '-t', String(durationSec),
      ...X264_FAST, '-g', gop, '-keyint_min', gop, '-sc_threshold', '0',
      ...(audio ? AAC_FAST : ['-an']),
      '-movflags', '+faststart',
      partial,
    ]),
  );
}

/** The luma the brightness clock shows at `timeSec`. */
export function brightnessAt(timeSec: number): number {
  return 16 + (Math.floor(timeSec + 1e-6) % 10) * 20;
}

/**
 * A long but tiny playable video (160x90, 1 fps, keyframe every 10 s, no audio): an hour is a
 * few hundred kilobytes and takes seconds to make, for "jump to 50:00" in the browser.
 */
export function makeLongTinyVideo(dir: string, opts: { durationSec?: number } = {}): Promise<string> {
  const { durationSec = 3600 } = opts;
  const output = path.join(dir, `long-tiny-${durationSec}s.mp4`);
  return makeOnce(output, (partial) =>
    ffmpeg([
      '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=1',
      '-t', String(durationSec),
      ...X264_FAST, '-g', '10', '-an',
      '-movflags', '+faststart',
      partial,
    ]),
  );
}

/** Repeats `segment` `times` times into `output` by stream copy (concat demuxer), faststart. */
async function repeatSegment(segment: string, times: number, output: string): Promise<void> {
  const list = `${output}.txt`;
  const line = `file '${segment.replace(/'/g, "'\\''")}'\n`;
  await writeFile(list, line.repeat(times));
  try {
    await ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-map', '0', '-c', 'copy', '-movflags', '+faststart', output]);
  } finally {
    await rm(list, { force: true });
  }
}

/**
 * The benchmark's long recording: 1080p25 H.264 at about 3 Mbit/s with a keyframe every 10 s
 * (as screen and camera recorders write it), AAC stereo 48 kHz speech-like audio (a tone whose
 * loudness swells and fades), `durationSec` long (default an hour). Made from a 60-second segment.
 */
export async function makeBenchLongH264(dir: string, opts: { durationSec?: number } = {}): Promise<string> {
  const { durationSec = 3600 } = opts;
  const segmentSec = 60;
  const output = path.join(dir, `bench-h264-1080p-${durationSec}s-gop10.mp4`);
  return makeOnce(output, async (partial) => {
    const segment = path.join(dir, `bench-h264-1080p-segment-${segmentSec}s.mp4`);
    await makeOnce(segment, (segmentPartial) =>
      ffmpeg([
        '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=25',
        '-f', 'lavfi', '-i', `aevalsrc=0.5*sin(2*PI*220*t)*(0.55+0.45*sin(2*PI*0.25*t))|0.5*sin(2*PI*330*t)*(0.55+0.45*sin(2*PI*0.2*t)):s=48000:d=${segmentSec}`,
        '-t', String(segmentSec),
        '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '3M', '-maxrate', '4M', '-bufsize', '8M',
        '-pix_fmt', 'yuv420p', '-g', '250', '-keyint_min', '250', '-sc_threshold', '0',
        '-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', '48000',
        '-movflags', '+faststart',
        segmentPartial,
      ]),
    );
    await repeatSegment(segment, Math.ceil(durationSec / segmentSec), partial);
  });
}

/**
 * The benchmark's HEVC recording (a phone video Chromium can't play: it needs a proxy): 1280x720
 * 25 fps HEVC at about 2 Mbit/s plus AAC, `durationSec` long (default ten minutes), made from a
 * 30-second segment.
 */
export async function makeBenchHevc(dir: string, opts: { durationSec?: number } = {}): Promise<string> {
  const { durationSec = 600 } = opts;
  const segmentSec = 30;
  const output = path.join(dir, `bench-hevc-720p-${durationSec}s.mp4`);
  return makeOnce(output, async (partial) => {
    const segment = path.join(dir, `bench-hevc-720p-segment-${segmentSec}s.mp4`);
    await makeOnce(segment, (segmentPartial) =>
      ffmpeg([
        '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25',
        '-f', 'lavfi', '-i', `sine=frequency=300:sample_rate=48000:duration=${segmentSec}`,
        '-t', String(segmentSec),
        '-c:v', 'libx265', '-preset', 'ultrafast', '-b:v', '2M', '-pix_fmt', 'yuv420p',
        '-x265-params', 'log-level=error:keyint=50', '-tag:v', 'hvc1',
        ...AAC_FAST,
        '-movflags', '+faststart',
        segmentPartial,
      ]),
    );
    await repeatSegment(segment, Math.ceil(durationSec / segmentSec), partial);
  });
}
