// Input rules shared by the repositories (the same limits the IPC contract enforces, checked
// again here because the store is also called by the test host, importers and merges).
import { z } from 'zod';
import { Id } from '../../../shared/domain';

export { Id };
/** Who makes the change: the author name from settings; may be empty until one is set. */
export const Author = z.string().max(200);
/** Pseudonymous labels such as "KM-3" or "Cliënt A". Stored trimmed. */
export const Label = z.string().trim().min(1).max(200);
export const Seconds = z.number().finite().nonnegative();
export const NoteText = z.string().max(20_000);
export const Speaker = z.string().max(100);
export const FragmentTitle = z.string().max(500);
export const Themes = z.array(z.string().max(100)).max(50);

/**
 * How far past the probed duration a time may lie. The player's notion of the end can be a
 * frame or two beyond ffprobe's container duration, and a note typed at the very end must
 * not be refused for that.
 */
export const DURATION_TOLERANCE_SEC = 0.5;
