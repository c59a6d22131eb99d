// What "vergeet deze cliënt" removed, as the app lists it afterwards.
import { z } from 'zod';

export const ForgetReport = z.object({
  trajectoryLabel: z.string(),
  cycles: z.number().int(),
  recordings: z.number().int(),
  notes: z.number().int(),
  fragments: z.number().int(),
  methods: z.number().int(),
  exportLogEntries: z.number().int(),
  /** Derived files removed, relative to the data folder ("cache/<id>/waveform.bin"). */
  files: z.array(z.string()),
  bytes: z.number().int(),
});
export type ForgetReport = z.infer<typeof ForgetReport>;

/** Whether a trajectory is past its "bewaren tot" date (dates as YYYY-MM-DD, compared as text). */
export function isPastRetention(keepUntil: string | null | undefined, today: string): boolean {
  return keepUntil != null && keepUntil < today;
}
