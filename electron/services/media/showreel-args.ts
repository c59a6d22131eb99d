// ffmpeg arguments for a showreel: one MP4 of several fragments in order (an agenda's review
// playlist), for a client who can't use the app. Pure.
//
// One ffmpeg run: every fragment is its own input, cut precisely like a clip (`-ss`/`-t` before
// `-i`, on the frame grid: planClipCut), brought to one picture size, frame rate and audio format,
// and joined with the concat FILTER, then encoded once like a clip (H.264 Main + AAC, faststart).
// The concat demuxer with stream copy would need every piece encoded identically first and
// joins AAC with small gaps; re-encoding through the filter is simpler and exact.
//
// Optionally a short title card before each fragment ("Fragment 1 van 3", its range and title):
// a coloured frame with drawtext over silence. Cards need drawtext and a font like the time code.
import type { MediaInfo } from '../../../shared/domain';
import {
  COMMAND_HEAD,
  MP4_TAIL,
  PRIVACY_ARGS,
  filterOption,
  phoneEncoderArgs,
  timecodeDrawtextFilter,
  timecodeFontSize,
  type ClipCut,
} from './clip-args';
import { proxyFrameRate } from './proxy-args';

/** The showreel fits in this box (turned for portrait video): enough for a phone, small to send. */
export const SHOWREEL_MAX_WIDTH = 1280;
export const SHOWREEL_MAX_HEIGHT = 720;
export const TITLE_CARD_SEC = 2.5;
const CARD_BACKGROUND = '0x1f2933';
const TITLE_MAX_CHARS = 60;

export interface ShowreelSegment {
  input: string;
  info: MediaInfo;
  cut: ClipCut;
  /** Lines of the title card before this fragment; absent: no card. */
  card?: string[];
  /** Label before the burned-in time code ("video 2"); only used with a burn-in font. */
  label?: string | null;
}

export interface ShowreelCanvas {
  width: number;
  height: number;
  fps: { value: number; arg: string };
}

export interface ShowreelArgsOptions {
  segments: ShowreelSegment[];
  output: string;
  /** Needed for title cards and the time code; null: neither is drawn. */
  fontFile: string | null;
  burnTimecode: boolean;
}

const even = (n: number) => Math.max(2, Math.trunc(n / 2) * 2);

/**
 * Picture size and frame rate of the showreel: those of the first fragment with video, scaled
 * down to fit 1280x720 (720x1280 for portrait), even; 640x360 at 25 fps when no fragment has video.
 */
export function showreelCanvas(segments: readonly ShowreelSegment[]): ShowreelCanvas {
  const video = segments.find((s) => s.info.video && s.info.video.width > 0 && s.info.video.height > 0)?.info;
  if (!video?.video) return { width: 640, height: 360, fps: { value: 25, arg: '25' } };
  const { width, height } = video.video;
  const portrait = height > width;
  const [boxW, boxH] = portrait ? [SHOWREEL_MAX_HEIGHT, SHOWREEL_MAX_WIDTH] : [SHOWREEL_MAX_WIDTH, SHOWREEL_MAX_HEIGHT];
  const factor = Math.min(1, boxW / width, boxH / height);
  const rate = proxyFrameRate(video);
  return { width: even(width * factor), height: even(height * factor), fps: { value: rate.value, arg: rate.arg } };
}

/** Total length of the showreel in seconds (fragments and cards). */
export function showreelDuration(segments: readonly ShowreelSegment[], withCards: boolean): number {
  return segments.reduce((sum, s) => sum + s.cut.durationSec + (withCards && s.card ? TITLE_CARD_SEC : 0), 0);
}

/** A card's text line: shortened, and literal for drawtext (expansion off). */
function cardLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > TITLE_MAX_CHARS ? `${flat.slice(0, TITLE_MAX_CHARS - 1)}…` : flat;
}

/** The filter chain that draws a card's lines centred on the canvas. */
export function titleCardFilter(lines: readonly string[], fontFile: string, canvas: ShowreelCanvas): string {
  const size = Math.max(16, Math.round(Math.min(canvas.width, canvas.height) / 14));
  const gap = Math.round(size * 1.5);
  const shown = lines.map(cardLine).filter((l) => l !== '').slice(0, 3);
  const top = Math.round(canvas.height / 2 - (gap * shown.length) / 2);
  return shown
    .map((line, i) =>
      [
        'drawtext=' + filterOption('fontfile', fontFile),
        filterOption('expansion', 'none'),
        filterOption('text', line),
        filterOption('fontsize', i === 0 ? size : Math.round(size * 0.8)),
        filterOption('fontcolor', i === 0 ? 'white' : '0xd9e2ec'),
        filterOption('x', '(w-tw)/2'),
        filterOption('y', top + i * gap),
      ].join(':'),
    )
    .join(',');
}

/** The full ffmpeg argument list for a showreel. */
export function buildShowreelArgs(opts: ShowreelArgsOptions): string[] {
  const { segments, output, fontFile } = opts;
  if (segments.length === 0) throw new Error('A showreel needs at least one fragment');
  const canvas = showreelCanvas(segments);
  const { width: W, height: H } = canvas;
  const inputs: string[] = [];
  const graph: string[] = [];
  const pieces: string[] = [];
  let next = 0;
  const addInput = (...args: string[]) => {
    inputs.push(...args);
    return next++;
  };
  const lavfi = (durationArg: string, source: string) => addInput('-f', 'lavfi', '-t', durationArg, '-i', source);
  const silence = (durationArg: string) => lavfi(durationArg, 'anullsrc=r=48000:cl=stereo');
  const blank = (durationArg: string) => lavfi(durationArg, `color=c=${CARD_BACKGROUND}:s=${W}x${H}:r=${canvas.fps.arg}`);
  const audioChain = 'asetpts=PTS-STARTPTS,aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo';
  const fit =
    `setpts=PTS-STARTPTS,scale=${W}:${H}:force_original_aspect_ratio=decrease,` +
    `scale=trunc(iw/2)*2:trunc(ih/2)*2,pad=${W}:${H}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=${canvas.fps.arg}`;

  segments.forEach((segment, i) => {
    if (segment.card && fontFile) {
      const cardArg = TITLE_CARD_SEC.toFixed(6);
      const v = blank(cardArg);
      const a = silence(cardArg);
      graph.push(`[${v}:v]${titleCardFilter(segment.card, fontFile, canvas)},setsar=1,format=yuv420p[cv${i}]`);
      graph.push(`[${a}:a]${audioChain}[ca${i}]`);
      pieces.push(`[cv${i}][ca${i}]`);
    }
    const source = addInput('-ss', segment.cut.startArg, '-t', segment.cut.durationArg, '-accurate_seek', '-i', segment.input);
    const videoIn = segment.info.video ? `${source}:v:0` : `${blank(segment.cut.durationArg)}:v`;
    const audioIn = segment.info.audio ? `${source}:a:0` : `${silence(segment.cut.durationArg)}:a`;
    const timecode =
      opts.burnTimecode && fontFile && segment.info.video
        ? ',' +
          timecodeDrawtextFilter({ fontFile, label: segment.label ?? null }, segment.cut.startSec, {
            withHours: segment.cut.startSec + segment.cut.durationSec >= 3600,
            fontSize: timecodeFontSize(W, H),
          })
        : '';
    graph.push(`[${videoIn}]${segment.info.video ? fit : 'setsar=1'}${timecode},format=yuv420p[v${i}]`);
    graph.push(`[${audioIn}]${audioChain}[a${i}]`);
    pieces.push(`[v${i}][a${i}]`);
  });
  graph.push(`${pieces.join('')}concat=n=${pieces.length}:v=1:a=1[vout][aout]`);

  return [
    ...COMMAND_HEAD,
    ...inputs,
    '-filter_complex', graph.join(';'),
    '-map', '[vout]',
    '-map', '[aout]',
    ...phoneEncoderArgs({ width: W, height: H, fps: canvas.fps.value, withAudio: true }),
    ...PRIVACY_ARGS,
    ...MP4_TAIL,
    output,
  ];
}
