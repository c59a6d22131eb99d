// Opening a project archive and proving it whole before anything is merged: it is a ZIP, it
// has a VKZ manifest of a version this build reads, every entry the manifest lists is there
// with its size and SHA-256, nothing else is, and data.json has the expected shape and
// references, and every record passes the app's input rules. Media entries are checked while
// they are copied (archive-import.ts). The ZIP layer (zip-reader.ts) has refused overlapping
// entries and inflation bombs before a byte is inflated.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { z } from 'zod';
import { pastRecordingEnd } from '../../../shared/input-rules';
import { formatTimecode } from '../../../shared/timecode';
// From migrations itself: the exchange worker must not load the native SQLite module.
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ArchiveData,
  archiveReferenceProblem,
  DATA_ENTRY,
  Manifest,
  MANIFEST_ENTRY,
  ManifestHead,
  MAX_DATA_BYTES,
  MAX_MANIFEST_BYTES,
  mediaEntryRecordingId,
} from './archive-model';
import { ExchangeError } from './exchange-error';
import { ZipReader, ZipReadError, type ZipEntry } from './zip-reader';

export interface OpenedArchive {
  zip: ZipReader;
  manifest: Manifest;
  data: ArchiveData;
  /** Media entries by name. */
  media: Map<string, ZipEntry>;
}

function fromZipError(error: unknown, fileName: string): never {
  if (error instanceof ZipReadError) {
    if (error.reason === 'not-zip') throw new ExchangeError('not-archive', error.message, { file: fileName });
    if (error.reason === 'truncated') throw new ExchangeError('truncated', error.message, { file: fileName });
    if (error.reason === 'unsafe') throw new ExchangeError('unsafe-archive', error.message, { file: fileName });
    throw new ExchangeError('damaged', error.message, { file: fileName, entry: '' });
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
    throw new ExchangeError('not-archive', `Cannot read ${fileName}: ${(error as Error).message}`, { file: fileName });
  }
  throw error;
}

function parseJson(bytes: Buffer, what: string, fileName: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    throw new ExchangeError('damaged', `${fileName}: ${what} is not valid JSON (${(error as Error).message})`, { file: fileName, entry: what });
  }
}

async function readSmall(zip: ZipReader, entry: ZipEntry, fileName: string, maxBytes: number): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await zip.read(entry, maxBytes);
  } catch (error) {
    fromZipError(error, fileName);
  }
  if (bytes.length !== entry.size || crc32(bytes) !== entry.crc32) {
    throw new ExchangeError('damaged', `${fileName}: entry ${entry.name} fails its CRC check`, { file: fileName, entry: entry.name });
  }
  return bytes;
}

/** A zod failure as the UI's error: a text too long is named as such; anything else is data VKZ cannot read. */
function invalid(error: z.ZodError, what: string, fileName: string): ExchangeError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || '(root)';
  const message = `${fileName}: ${what} is invalid at ${field}: ${issue?.message}`;
  if (issue?.code === 'too_big' && issue.origin === 'string') {
    return new ExchangeError('record-too-long', message, { file: fileName, field, max: Number(issue.maximum) });
  }
  return new ExchangeError('invalid-data', message, { file: fileName, field });
}

/** Notes and fragments at times their recording doesn't reach. */
function timeProblem(data: ArchiveData, fileName: string): ExchangeError | null {
  const duration = new Map(data.recordings.map((r) => [r.id, r.media.durationSec]));
  const times = [
    ...data.notes.map((n) => ({ id: n.id, recordingId: n.recordingId, sec: n.timeSec })),
    ...data.fragments.map((f) => ({ id: f.id, recordingId: f.recordingId, sec: f.outSec })),
  ];
  for (const t of times) {
    const end = duration.get(t.recordingId) ?? 0;
    if (pastRecordingEnd(t.sec, end)) {
      return new ExchangeError('record-past-end', `${fileName}: record ${t.id} lies at ${t.sec} s, past the end of its recording (${end} s)`, {
        file: fileName,
        time: formatTimecode(t.sec, { fractionDigits: 1 }),
        end: formatTimecode(end, { fractionDigits: 1 }),
      });
    }
  }
  return null;
}

/** Opens and checks an archive; throws ExchangeError with a code the UI translates. The caller closes `zip`. */
export async function openArchive(path: string, fileName: string): Promise<OpenedArchive> {
  let zip: ZipReader;
  try {
    zip = await ZipReader.open(path);
  } catch (error) {
    fromZipError(error, fileName);
  }
  try {
    return await checkArchive(zip, fileName);
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function checkArchive(zip: ZipReader, fileName: string): Promise<OpenedArchive> {
  const manifestEntry = zip.entries.get(MANIFEST_ENTRY);
  if (!manifestEntry) {
    throw new ExchangeError('not-archive', `${fileName} is a ZIP file but not a VKZ archive (no ${MANIFEST_ENTRY})`, { file: fileName });
  }
  const manifestJson = parseJson(await readSmall(zip, manifestEntry, fileName, MAX_MANIFEST_BYTES), MANIFEST_ENTRY, fileName);
  const head = ManifestHead.safeParse(manifestJson);
  if (!head.success || head.data.format !== ARCHIVE_FORMAT) {
    throw new ExchangeError('not-archive', `${fileName} is a ZIP file but not a VKZ archive (its manifest is not a "${ARCHIVE_FORMAT}" manifest)`, {
      file: fileName,
    });
  }
  if (head.data.formatVersion > ARCHIVE_FORMAT_VERSION || head.data.appSchemaVersion > LATEST_SCHEMA_VERSION) {
    throw new ExchangeError(
      'newer-version',
      `${fileName} was made by a newer VKZ (archive format ${head.data.formatVersion}, schema ${head.data.appSchemaVersion}; this version reads up to ${ARCHIVE_FORMAT_VERSION} and ${LATEST_SCHEMA_VERSION}). Update VKZ.`,
      { file: fileName },
    );
  }
  const parsedManifest = Manifest.safeParse(manifestJson);
  if (!parsedManifest.success) throw invalid(parsedManifest.error, 'the manifest', fileName);
  const manifest = parsedManifest.data;

  // Exactly the listed entries, each with its listed size.
  for (const [name, listed] of Object.entries(manifest.entries)) {
    const entry = zip.entries.get(name);
    if (!entry) throw new ExchangeError('damaged', `${fileName}: entry ${name} is missing`, { file: fileName, entry: name });
    if (entry.size !== listed.size) {
      throw new ExchangeError('damaged', `${fileName}: entry ${name} is ${entry.size} bytes, the manifest says ${listed.size}`, {
        file: fileName,
        entry: name,
      });
    }
  }
  const media = new Map<string, ZipEntry>();
  for (const entry of zip.entries.values()) {
    if (entry.name === MANIFEST_ENTRY) continue;
    if (!Object.hasOwn(manifest.entries, entry.name)) {
      throw new ExchangeError('damaged', `${fileName}: entry ${entry.name} is not in the manifest`, { file: fileName, entry: entry.name });
    }
    if (entry.name !== DATA_ENTRY) {
      if (mediaEntryRecordingId(entry.name) === null) {
        throw new ExchangeError('not-media', `${fileName}: entry ${entry.name} is not a media file VKZ accepts`, { file: fileName, entry: entry.name });
      }
      if (entry.compression !== 0) {
        throw new ExchangeError('damaged', `${fileName}: media entry ${entry.name} is compressed; VKZ stores media as is`, { file: fileName, entry: entry.name });
      }
      media.set(entry.name, entry);
    }
  }

  const dataEntry = zip.entries.get(DATA_ENTRY);
  if (!dataEntry) throw new ExchangeError('damaged', `${fileName}: ${DATA_ENTRY} is missing`, { file: fileName, entry: DATA_ENTRY });
  const dataBytes = await readSmall(zip, dataEntry, fileName, MAX_DATA_BYTES);
  const sha = createHash('sha256').update(dataBytes).digest('hex');
  if (sha !== manifest.entries[DATA_ENTRY]?.sha256) {
    throw new ExchangeError('damaged', `${fileName}: ${DATA_ENTRY} does not match its checksum: it was changed or damaged`, {
      file: fileName,
      entry: DATA_ENTRY,
    });
  }
  const parsedData = ArchiveData.safeParse(parseJson(dataBytes, DATA_ENTRY, fileName));
  if (!parsedData.success) throw invalid(parsedData.error, DATA_ENTRY, fileName);
  const problem = archiveReferenceProblem(parsedData.data, manifest.scope);
  if (problem) throw new ExchangeError('invalid-data', `${fileName}: ${DATA_ENTRY} is inconsistent: ${problem}`, { file: fileName, field: DATA_ENTRY });
  const late = timeProblem(parsedData.data, fileName);
  if (late) throw late;
  for (const r of parsedData.data.recordings) {
    if (r.mediaEntry !== null && !media.has(r.mediaEntry)) {
      throw new ExchangeError('damaged', `${fileName}: entry ${r.mediaEntry} is missing`, { file: fileName, entry: r.mediaEntry });
    }
  }
  return { zip, manifest, data: parsedData.data, media };
}
