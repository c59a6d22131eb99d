// The project archive (.vkz): one ZIP file that carries a trajectory, or one cycle of it, from
// one researcher's VKZ to another's.
//
//   manifest.json          what this is: format, versions, who made it when, the scope, and the
//                          SHA-256 and size of every other entry
//   data.json              the records (ArchiveData below)
//   media/<id>.<ext>       a recording's original file, only when the user ticked "with videos"
//
// data.json holds the records with their stamps (id, createdAt, updatedAt, author), notes and
// fragments INCLUDING soft-deleted ones (deletedAt), so a deletion merges like an edit. Per
// record `syncedHash` is the sender's merge-log entry: the content hash of the version last
// shared through an archive, which lets the receiver tell "they changed it" from "I changed it"
// (merge-plan.ts). Recordings leave out everything machine-local (file path, proxy state): the
// receiver keeps its own file for a recording it has, or uses the media from the archive.
import { z } from 'zod';
import { Cycle, Fragment, Id, MediaInfo, Note, Trajectory } from '../../../shared/domain';
import {
  Author,
  CalendarDate,
  CycleTitle,
  FileName,
  FragmentTitle,
  Label,
  NoteText,
  ReportBackground,
  Seconds,
  Speaker,
  Themes,
  Timestamp,
} from '../../../shared/input-rules';
import { isMediaExtension } from '../../../shared/media-files';
import { ArchiveKind } from '../../../shared/exchange/archive-kind';
import { CycleMethod } from '../../../shared/method';
import { PseudonymList } from '../../../shared/report/pseudonym-list';
import { alignmentReferenceProblem, ArchiveAlignment } from './archive-alignments';

export const ARCHIVE_FORMAT = 'vkz-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
export const ARCHIVE_EXTENSION = 'vkz';
export const MANIFEST_ENTRY = 'manifest.json';
export const DATA_ENTRY = 'data.json';
/** data.json is read into memory; nothing a person annotates comes near this. */
export const MAX_DATA_BYTES = 128 * 1024 * 1024;
/** manifest.json lists the entries: a few kB for any real archive. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ArchiveScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trajectory'), trajectoryId: Id }),
  z.object({ kind: z.literal('cycle'), trajectoryId: Id, cycleId: Id }),
]);
export type ArchiveScope = z.infer<typeof ArchiveScope>;

/** Only the fields import needs to decide whether it can read the rest: checked first. */
export const ManifestHead = z.object({
  format: z.string(),
  formatVersion: z.number().int(),
  appSchemaVersion: z.number().int(),
});

export const Manifest = ManifestHead.extend({
  format: z.literal(ARCHIVE_FORMAT),
  appVersion: z.string().max(100),
  createdAt: Timestamp,
  author: Author,
  scope: ArchiveScope,
  /** Archives made before there were kinds are complete: for the research team. */
  kind: ArchiveKind.default('research-team'),
  includesMedia: z.boolean(),
  entries: z.record(z.string(), z.object({ sha256: Sha256, size: z.number().int().nonnegative() })),
});
export type Manifest = z.infer<typeof Manifest>;

// Every record passes the same input rules as what a person types in the app
// (shared/input-rules.ts): stamps are real times, texts have their lengths, times are finite.
const Synced = { syncedHash: z.string().max(200).nullable() };
const Stamps = { createdAt: Timestamp, updatedAt: Timestamp, author: Author };

export const ArchiveTrajectory = Trajectory.omit({ cycleCount: true })
  .extend({ ...Stamps, caseManager: Label, client: Label, ...Synced })
  .strict();
export const ArchiveCycle = Cycle.extend({ ...Stamps, title: CycleTitle, date: CalendarDate.nullable(), ...Synced }).strict();
export const ArchiveRecording = z
  .object({
    id: Id,
    ...Stamps,
    cycleId: Id,
    position: z.number().int().positive().max(10_000),
    fileName: FileName,
    media: MediaInfo,
    /** Why the sender's player needed a proxy (the receiver makes its own). */
    proxyReason: z.string().max(1000).nullable(),
    /** The ZIP entry with the file, or null when the archive was made without media. */
    mediaEntry: z.string().max(100).nullable(),
    ...Synced,
  })
  .strict();
export const ArchiveNote = Note.extend({
  ...Stamps,
  timeSec: Seconds,
  text: NoteText,
  speaker: Speaker,
  deletedAt: Timestamp.nullable(),
  ...Synced,
}).strict();
export const ArchiveFragment = Fragment.extend({
  ...Stamps,
  inSec: Seconds,
  outSec: Seconds,
  title: FragmentTitle,
  note: NoteText,
  themes: Themes,
  // Archives made before fragments had a still moment have no such field: the middle.
  stillSec: Seconds.nullable().default(null),
  deletedAt: Timestamp.nullable(),
  ...Synced,
}).strict();
export const ArchiveMethod = z.object({ cycleId: Id, doc: CycleMethod, ...Stamps, ...Synced }).strict();
export const ArchiveReportSettings = z
  .object({
    trajectoryId: Id,
    pseudonyms: PseudonymList,
    background: ReportBackground,
    ...Stamps,
    ...Synced,
  })
  .strict();

export const ArchiveData = z
  .object({
    trajectory: ArchiveTrajectory,
    reportSettings: ArchiveReportSettings.nullable(),
    cycles: z.array(ArchiveCycle),
    recordings: z.array(ArchiveRecording),
    notes: z.array(ArchiveNote),
    fragments: z.array(ArchiveFragment),
    methods: z.array(ArchiveMethod),
    /** How the researchers aligned their analyses; archives made before alignment have none. */
    alignments: z.array(ArchiveAlignment).default([]),
  })
  .strict();

export type ArchiveTrajectory = z.infer<typeof ArchiveTrajectory>;
export type ArchiveCycle = z.infer<typeof ArchiveCycle>;
export type ArchiveRecording = z.infer<typeof ArchiveRecording>;
export type ArchiveNote = z.infer<typeof ArchiveNote>;
export type ArchiveFragment = z.infer<typeof ArchiveFragment>;
export type ArchiveMethod = z.infer<typeof ArchiveMethod>;
export type ArchiveReportSettings = z.infer<typeof ArchiveReportSettings>;
export type ArchiveData = z.infer<typeof ArchiveData>;

/** `media/<recording id>.<ext>`: the only media entry names an archive may hold. */
const MEDIA_ENTRY = /^media\/([0-9a-f-]{36})(\.[a-z0-9]{1,8})?$/i;

/**
 * The recording id a media entry name carries, or null when the name is not one: only
 * `media/<id>` with no extension or one of the media extensions the app accepts (an entry
 * named `.html` would otherwise land in the data folder as a web page).
 */
export function mediaEntryRecordingId(name: string): string | null {
  const m = MEDIA_ENTRY.exec(name);
  if (!m?.[1]) return null;
  return m[2] === undefined || isMediaExtension(m[2]) ? m[1].toLowerCase() : null;
}

/** The file extension kept for a recording's media (lower case, with dot): only an accepted media extension, else ''. */
export function mediaExtension(fileName: string): string {
  const m = /(\.[A-Za-z0-9]{1,8})$/.exec(fileName);
  return m?.[1] && isMediaExtension(m[1]) ? m[1].toLowerCase() : '';
}

/**
 * References inside data.json that zod cannot see: every record belongs to the archive's
 * trajectory, annotations to a recording of their own cycle, ids are unique. Returns the first
 * problem, or null.
 */
export function archiveReferenceProblem(data: ArchiveData, scope: ArchiveScope): string | null {
  if (data.trajectory.id !== scope.trajectoryId) return 'the trajectory is not the one the manifest names';
  if (data.reportSettings && data.reportSettings.trajectoryId !== data.trajectory.id) return 'report settings of another trajectory';
  const ids = new Set<string>();
  const unique = (id: string) => {
    if (ids.has(id)) return false;
    ids.add(id);
    return true;
  };
  const cycles = new Set<string>();
  for (const c of data.cycles) {
    if (!unique(c.id)) return `id ${c.id} occurs twice`;
    if (c.trajectoryId !== data.trajectory.id) return `cycle ${c.id} belongs to another trajectory`;
    cycles.add(c.id);
  }
  if (scope.kind === 'cycle' && (data.cycles.length !== 1 || !cycles.has(scope.cycleId))) {
    return 'a one-cycle archive must hold exactly that cycle';
  }
  const recordings = new Map<string, string>();
  for (const r of data.recordings) {
    if (!unique(r.id)) return `id ${r.id} occurs twice`;
    if (!cycles.has(r.cycleId)) return `recording ${r.id} belongs to a cycle not in the archive`;
    if (r.mediaEntry !== null && mediaEntryRecordingId(r.mediaEntry) !== r.id.toLowerCase()) {
      return `recording ${r.id} names media entry "${r.mediaEntry}"`;
    }
    recordings.set(r.id, r.cycleId);
  }
  for (const a of [...data.notes, ...data.fragments]) {
    if (!unique(a.id)) return `id ${a.id} occurs twice`;
    if (recordings.get(a.recordingId) !== a.cycleId) return `annotation ${a.id} points at a recording outside its cycle`;
  }
  for (const f of data.fragments) if (!(f.outSec > f.inSec)) return `fragment ${f.id} ends before it starts`;
  for (const f of data.fragments) {
    if (f.stillSec !== null && (f.stillSec < f.inSec || f.stillSec > f.outSec)) return `fragment ${f.id} has its still outside it`;
  }
  const methods = new Set<string>();
  for (const m of data.methods) {
    if (!cycles.has(m.cycleId) || m.doc.cycleId !== m.cycleId) return `method record of an unknown cycle ${m.cycleId}`;
    if (methods.has(m.cycleId)) return `two method records for cycle ${m.cycleId}`;
    methods.add(m.cycleId);
  }
  return alignmentReferenceProblem(data.alignments, recordings);
}
