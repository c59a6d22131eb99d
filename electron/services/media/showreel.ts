// Exports a showreel (showreel-args.ts) the way a clip is exported: into `<name>.part.mp4`,
// renamed when ffmpeg succeeded, the partial file removed on failure or cancel.
import type { MediaInfo } from '../../../shared/domain';
import type { MediaBinaries } from './binaries';
import { planClipCut, type ClipRange } from './clip-args';
import { assertWritableTarget, runToPartialThenRename } from './clip';
import { MediaError } from './errors';
import { partialPathFor } from './proxy';
import { buildShowreelArgs, showreelDuration, type ShowreelSegment } from './showreel-args';

export interface ShowreelPart {
  input: string;
  info: MediaInfo;
  range: ClipRange;
  /** Lines of the title card before it ("Fragment 1 van 3", range, title); absent: no card. */
  card?: string[];
  label?: string | null;
}

export interface ExportShowreelOptions {
  parts: ShowreelPart[];
  output: string;
  /** Font for title cards and time code; null: neither is drawn. */
  fontFile: string | null;
  burnTimecode: boolean;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export async function exportShowreel(bin: MediaBinaries, opts: ExportShowreelOptions): Promise<{ output: string; durationSec: number }> {
  const { parts, output, signal } = opts;
  if (parts.length === 0) throw new MediaError('no-streams', 'A showreel needs at least one fragment');
  const segments: ShowreelSegment[] = parts.map((p) => ({
    input: p.input,
    info: p.info,
    cut: planClipCut(p.range, p.info),
    ...(p.card ? { card: p.card } : {}),
    label: p.label ?? null,
  }));
  const partial = partialPathFor(output);
  await assertWritableTarget(
    parts.map((p) => p.input),
    output,
    partial,
  );
  if (signal?.aborted) throw new MediaError('cancelled', 'Showreel cancelled before it started');
  const durationSec = showreelDuration(segments, opts.fontFile !== null);
  await runToPartialThenRename(bin, buildShowreelArgs({ segments, output: partial, fontFile: opts.fontFile, burnTimecode: opts.burnTimecode }), {
    partial,
    output,
    durationSec,
    signal,
    onProgress: opts.onProgress,
  });
  return { output, durationSec };
}
