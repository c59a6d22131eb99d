// Exports one fragment clip: runs the arguments from clip-args.ts through the runner, writes
// `<name>.part.mp4` next to the output and renames it only when ffmpeg succeeded, and removes the
// partial file on failure or cancel. A clip file that exists is always complete.
//
// Burning in the time code needs ffmpeg's drawtext filter (libfreetype) and a font file.
// Both bundled builds we know (the 2018 static build, Debian's 5.1) have drawtext; a user's own
// ffmpeg may not, and a machine may have no font we can find. Then findTimecodeBurnIn says why,
// and the caller exports the clip WITHOUT the time code and tells the user (rather than failing
// the whole export: the cut itself is what matters).
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MediaInfo } from '../../../shared/domain';
import type { MediaBinaries } from './binaries';
import { buildClipArgs, planClipCut, type ClipCut, type ClipRange, type TimecodeBurnIn } from './clip-args';
import { MediaError } from './errors';
import { queryTool, runFfmpeg } from './ffmpeg-runner';
import { partialPathFor } from './proxy';

export interface ExportClipOptions {
  input: string;
  output: string;
  info: MediaInfo;
  range: ClipRange;
  burnIn?: TimecodeBurnIn | null;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface ExportedClip {
  output: string;
  cut: ClipCut;
}

/** Writes one clip; resolves when `output` exists and is complete. */
export async function exportClip(bin: MediaBinaries, opts: ExportClipOptions): Promise<ExportedClip> {
  const { input, output, info, signal, onProgress } = opts;
  const cut = planClipCut(opts.range, info);
  const partial = partialPathFor(output);
  await assertWritableTarget(input, output, partial);
  if (signal?.aborted) throw new MediaError('cancelled', 'Clip cancelled before it started');
  await runToPartialThenRename(bin, buildClipArgs({ input, output: partial, info, cut, burnIn: opts.burnIn }), {
    partial,
    output,
    durationSec: cut.durationSec,
    signal,
    onProgress,
  });
  return { output, cut };
}

/** Shared with showreel.ts: the input exists and is not the output; the output folder exists. */
export async function assertWritableTarget(input: string | string[], output: string, partial: string): Promise<void> {
  const inputs = (Array.isArray(input) ? input : [input]).map((p) => path.resolve(p));
  if (inputs.includes(path.resolve(output)) || inputs.includes(path.resolve(partial))) {
    throw new MediaError('ffmpeg-failed', `Refusing to write a clip over its own recording: ${output}`);
  }
  for (const file of new Set(inputs)) {
    const source = await stat(file).catch(() => null);
    if (!source?.isFile()) throw new MediaError('not-found', `The recording is not there: ${file}`);
  }
  const folder = await stat(path.dirname(output)).catch(() => null);
  if (!folder?.isDirectory()) throw new MediaError('not-found', `The folder does not exist: ${path.dirname(output)}`);
}

/** Runs ffmpeg into `partial`, then renames it to `output`; on any failure `partial` is removed. */
export async function runToPartialThenRename(
  bin: MediaBinaries,
  args: string[],
  opts: { partial: string; output: string; durationSec: number; signal?: AbortSignal; onProgress?: (f: number) => void },
): Promise<void> {
  const { partial, output, signal, onProgress } = opts;
  await rm(partial, { force: true });
  try {
    await runFfmpeg(bin, args, {
      signal,
      durationSec: opts.durationSec,
      onProgress: (fraction) => onProgress?.(Math.min(fraction, 0.999)),
    });
    if (signal?.aborted) throw new MediaError('cancelled', 'Cancelled');
    const written = await stat(partial).catch(() => null);
    if (!written || written.size === 0) throw new MediaError('ffmpeg-failed', 'ffmpeg finished but wrote no file');
    await rename(partial, output);
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
  onProgress?.(1);
}

// ---- time code burn-in: drawtext and a font ---------------------------------------------------

/** Fonts tried when fontconfig doesn't answer: monospace first (digits that don't jump). */
export const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
  '/usr/share/fonts/dejavu/DejaVuSansMono.ttf',
  '/usr/share/fonts/TTF/DejaVuSansMono.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/freefont/FreeMono.ttf',
  '/System/Library/Fonts/Menlo.ttc',
  '/System/Library/Fonts/Supplemental/Courier New.ttf',
  '/Library/Fonts/Arial.ttf',
  'C:\\Windows\\Fonts\\consola.ttf',
  'C:\\Windows\\Fonts\\cour.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

const FONT_FILE = /\.(ttf|otf|ttc)$/i;

function isFontFile(file: string): boolean {
  try {
    return FONT_FILE.test(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Asks fontconfig for a monospace font file; null when fc-match is absent or answers nonsense. */
function fcMatchMonospace(): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('fc-match', ['-f', '%{file}', 'monospace'], { timeout: 5000, windowsHide: true }, (error, stdout) => {
      const file = String(stdout ?? '').trim();
      resolve(!error && file && isFontFile(file) ? file : null);
    });
  });
}

/**
 * A font file for the burned-in time code: VKZ_TIMECODE_FONT when set, then fontconfig's
 * monospace font, then well-known paths on Linux, macOS and Windows. null when none exists.
 */
export async function findTimecodeFont(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const fromEnv = env.VKZ_TIMECODE_FONT?.trim();
  if (fromEnv && isFontFile(fromEnv)) return fromEnv;
  const matched = await fcMatchMonospace();
  if (matched) return matched;
  return FONT_CANDIDATES.find((file) => existsSync(file) && isFontFile(file)) ?? null;
}

const drawtextSupport = new Map<string, Promise<boolean>>();

/** Whether this ffmpeg has the drawtext filter (asked once per binary with `-filters`). */
export function hasDrawtext(bin: MediaBinaries): Promise<boolean> {
  let known = drawtextSupport.get(bin.ffmpeg);
  if (!known) {
    known = queryTool(bin.ffmpeg, ['-hide_banner', '-filters'], { timeoutMs: 15_000 }).then(
      (result) => result.code === 0 && /^\s*\S+\s+drawtext\s/m.test(result.stdout),
      () => false,
    );
    drawtextSupport.set(bin.ffmpeg, known);
  }
  return known;
}

export type BurnInAvailability = { ok: true; fontFile: string } | { ok: false; reason: 'no-drawtext' | 'no-font'; message: string };

/** What burning in a time code needs, or why it can't be done with this ffmpeg on this machine. */
export async function findTimecodeBurnIn(bin: MediaBinaries, env: NodeJS.ProcessEnv = process.env): Promise<BurnInAvailability> {
  if (!(await hasDrawtext(bin))) {
    return { ok: false, reason: 'no-drawtext', message: `This ffmpeg (${bin.ffmpeg}) has no drawtext filter` };
  }
  const fontFile = await findTimecodeFont(env);
  if (!fontFile) return { ok: false, reason: 'no-font', message: 'No font file found for the time code' };
  return { ok: true, fontFile };
}
