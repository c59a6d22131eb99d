// Which ffmpeg and ffprobe the app runs, when the user chooses them: only a file the user picked
// in main's own dialog, and only once it has answered `-version` as that tool within a time
// limit. The page can ask for the dialog, never name a program.
import type { Settings } from '../../../shared/domain';
import { verifyBinary, type MediaTool } from '../media';
import type { Store } from '../store';
import { UserFacingError } from './errors';

export interface BinarySettingsOptions {
  store: Store;
  /** Main's open dialog for a program; null when cancelled. */
  pickBinaryFile?(options: { which: MediaTool }): Promise<string | null>;
  /** Forget the binaries found so far (the next job looks again). */
  onChange(): void;
}

const FIELD = { ffmpeg: 'ffmpegPath', ffprobe: 'ffprobePath' } as const;

export async function chooseBinary(opts: BinarySettingsOptions, which: MediaTool): Promise<Settings> {
  if (!opts.pickBinaryFile) throw new UserFacingError('settings.no-dialog', 'This shell has no file dialog');
  const chosen = await opts.pickBinaryFile({ which });
  if (!chosen) return opts.store.settings.get();
  const problem = await verifyBinary(which, chosen);
  if (problem !== null) {
    console.warn(`[settings] ${chosen} refused as ${which}: ${problem}`);
    throw new UserFacingError('settings.not-binary', `${chosen} is not ${which}: ${problem}`, { which, path: chosen });
  }
  const updated = opts.store.settings.update({ [FIELD[which]]: chosen });
  opts.onChange();
  return updated;
}

export function resetBinary(opts: BinarySettingsOptions, which: MediaTool): Settings {
  const updated = opts.store.settings.update({ [FIELD[which]]: '' });
  opts.onChange();
  return updated;
}
