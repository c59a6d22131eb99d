// Who a project archive is for (see electron/services/exchange/archive-export.ts):
// 'research-team': complete (real names, "niet delen" feedback), to go on with the same work;
// 'others': pseudonymised, only what the client allows to be shared, no videos.
import { z } from 'zod';

export const ArchiveKind = z.enum(['research-team', 'others']);
export type ArchiveKind = z.infer<typeof ArchiveKind>;
