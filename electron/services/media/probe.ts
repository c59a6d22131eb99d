// What is in a media file, according to ffprobe: duration, container, first video and audio
// stream. Parsing is pure (parseProbeOutput); probeMedia adds the file checks around it and turns
// each way a file can be unusable into a MediaError code the UI can explain.
import { open, stat } from 'node:fs/promises';
import { MediaInfo } from '../../../shared/domain';
import type { MediaBinaries } from './binaries';
import { MediaError, isMediaError } from './errors';
import { runFfprobe } from './ffmpeg-runner';
import { inspectIsoBmff, looksLikeIsoBmff } from './mp4-boxes';

/** Pure: ffprobe arguments that print format and streams as JSON. */
export function probeArgs(filePath: string): string[] {
  return ['-v', 'error', '-hide_banner', '-of', 'json', '-show_format', '-show_streams', '-i', filePath];
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  duration?: string;
  channels?: number;
  sample_rate?: string;
  disposition?: { attached_pic?: number; still_image?: number };
}

interface ProbeJson {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string };
}

/** Relative difference between r_frame_rate and avg_frame_rate above which we call it VFR. */
const VFR_TOLERANCE = 0.01;

/**
 * Pure: turns ffprobe's JSON into MediaInfo. Throws MediaError 'not-media' when ffprobe recognised
 * no container (or only a still image), 'no-streams' when there is no audio or video stream.
 * A duration ffprobe can't tell is returned as 0 (probeMedia treats that as a truncated file).
 */
export function parseProbeOutput(json: string, sizeBytes: number): MediaInfo {
  let data: ProbeJson;
  try {
    data = JSON.parse(json) as ProbeJson;
  } catch {
    throw new MediaError('not-media', 'ffprobe gave no readable description of the file');
  }
  const streams = Array.isArray(data?.streams) ? data.streams : [];
  const formatName = typeof data?.format?.format_name === 'string' ? data.format.format_name : '';
  if (!data?.format || (streams.length === 0 && formatName === '')) {
    throw new MediaError('not-media', 'ffprobe does not recognise this file as audio or video');
  }
  if (/(^|,)tty(,|$)/.test(formatName)) {
    throw new MediaError('not-media', 'This is a text file, not a recording');
  }
  if (/(^|,)(image2|[a-z0-9]+_pipe)(,|$)/.test(formatName)) {
    throw new MediaError('not-media', `This is a still image (${formatName}), not a recording`);
  }

  const videoStream = streams.find(
    (s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1 && s.disposition?.still_image !== 1,
  );
  const audioStream = streams.find((s) => s.codec_type === 'audio');
  if (!videoStream && !audioStream) {
    const kinds = [...new Set(streams.map((s) => (s.disposition?.attached_pic === 1 ? 'cover art' : s.codec_type)))];
    throw new MediaError(
      'no-streams',
      `The file has no audio or video stream${kinds.length ? ` (only: ${kinds.join(', ')})` : ''}`,
    );
  }

  const video = videoStream ? parseVideo(videoStream) : null;
  const audio = audioStream
    ? {
        codec: audioStream.codec_name ?? 'unknown',
        channels: toInt(audioStream.channels),
        sampleRate: toInt(audioStream.sample_rate),
      }
    : null;

  const usedStreams = [videoStream, audioStream].filter((s): s is ProbeStream => s !== undefined);
  const durationSec =
    positiveNumber(data.format.duration) ??
    Math.max(0, ...usedStreams.map((s) => positiveNumber(s.duration) ?? 0));

  return MediaInfo.parse({ durationSec, formatName, sizeBytes, video, audio });
}

function parseVideo(s: ProbeStream): NonNullable<MediaInfo['video']> {
  const avg = parseRate(s.avg_frame_rate);
  const real = parseRate(s.r_frame_rate);
  const fps = avg ?? real ?? 0;
  const variableFrameRate = avg !== null && real !== null && Math.abs(real - avg) / avg > VFR_TOLERANCE;
  return {
    codec: s.codec_name ?? 'unknown',
    profile: typeof s.profile === 'string' && s.profile !== '' ? s.profile : null,
    width: toInt(s.width),
    height: toInt(s.height),
    pixFmt: typeof s.pix_fmt === 'string' && s.pix_fmt !== '' ? s.pix_fmt : null,
    fps,
    variableFrameRate,
  };
}

/** "30000/1001" -> 29.97; "0/0", "N/A" and nonsense -> null. */
function parseRate(rate: string | undefined): number | null {
  if (!rate) return null;
  const [num, den = '1'] = rate.split('/');
  const value = Number(num) / Number(den);
  return Number.isFinite(value) && value > 0 ? value : null;
}

function positiveNumber(value: string | number | undefined): number | null {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : null;
}

function toInt(value: string | number | undefined): number {
  const n = Math.round(Number(value));
  return Number.isFinite(n) ? n : 0;
}

/**
 * Probes a file. Errors: 'not-found' (no such file), 'empty' (0 bytes), 'unreadable' (no
 * permission), 'truncated' (an MP4/MOV whose index is missing or whose data is cut off, or a file
 * with streams but no duration), 'not-media' (ffprobe doesn't recognise it), 'no-streams',
 * 'cancelled', 'ffmpeg-failed' (ffprobe itself could not run).
 */
export async function probeMedia(bin: MediaBinaries, filePath: string, signal?: AbortSignal): Promise<MediaInfo> {
  const sizeBytes = await fileSize(filePath);
  const header = await readHeader(filePath);
  const isoBmff = looksLikeIsoBmff(header);

  let stdout: string;
  try {
    ({ stdout } = await runFfprobe(bin, probeArgs(filePath), { signal }));
  } catch (error) {
    throw classifyProbeFailure(error, filePath, isoBmff);
  }

  const info = parseProbeOutput(stdout, sizeBytes);
  if (isoBmff) {
    const boxes = await inspectIsoBmff(filePath);
    if (boxes.cutOff) {
      throw new MediaError(
        'truncated',
        `The file is cut off: its ${boxes.cutOff.type} box needs ${boxes.cutOff.needsBytes} bytes, the file has ${sizeBytes} (an interrupted copy?)`,
      );
    }
  }
  if (!(info.durationSec > 0)) {
    throw new MediaError('truncated', 'The file has audio or video streams but no duration: it is probably incomplete');
  }
  return info;
}

async function fileSize(filePath: string): Promise<number> {
  let info;
  try {
    info = await stat(filePath);
  } catch (error) {
    throw fileError(error, filePath);
  }
  if (!info.isFile()) throw new MediaError('not-found', `Not a file: ${filePath}`);
  if (info.size === 0) throw new MediaError('empty', `The file is empty (0 bytes): ${filePath}`);
  return info.size;
}

async function readHeader(filePath: string): Promise<Buffer> {
  try {
    const handle = await open(filePath, 'r');
    try {
      const buffer = Buffer.alloc(16);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileError(error, filePath);
  }
}

function fileError(error: unknown, filePath: string): MediaError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new MediaError('not-found', `File not found: ${filePath}`);
  if (code === 'EACCES' || code === 'EPERM') return new MediaError('unreadable', `No permission to read: ${filePath}`);
  return new MediaError('unreadable', `Cannot read ${filePath}: ${(error as Error).message ?? String(error)}`);
}

function classifyProbeFailure(error: unknown, filePath: string, isoBmff: boolean): unknown {
  if (!isMediaError(error, 'ffmpeg-failed')) return error; // cancelled, or not ours
  const detail = error.detail ?? '';
  if (/permission denied/i.test(detail)) {
    return new MediaError('unreadable', `No permission to read: ${filePath}`, detail);
  }
  if (isoBmff && /moov atom not found|invalid data|partial file|truncat/i.test(detail)) {
    return new MediaError(
      'truncated',
      'The file looks like an MP4/MOV video but its index (moov box) is missing: it was probably not copied or recorded completely',
      detail,
    );
  }
  if (/invalid data|moov atom not found|could not find codec|unknown format|end of file/i.test(detail)) {
    return new MediaError('not-media', 'This file is not a video or audio file that ffprobe recognises', detail);
  }
  if (detail === '' && !/could not be started|did not answer/.test(error.message)) {
    return new MediaError('not-media', 'ffprobe could not read this file as video or audio', error.message);
  }
  return error;
}
