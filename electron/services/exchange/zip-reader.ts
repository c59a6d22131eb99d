// Reads a ZIP file from someone else by its central directory, with yauzl (ZIP64 included), and
// refuses the archives that are built to hurt before a byte is inflated:
//
// - entries whose bytes overlap another entry or the directory ("many entries, one stored
//   blob": a small file that writes gigabytes), and names that occur twice;
// - entries that would inflate to more than the caller's cap, or by more than MAX_RATIO;
// - names that aren't plain relative paths (yauzl's strict file names: no `..`, no `/x`, no `\`).
//
// yauzl also checks while inflating that an entry gives exactly the size the directory
// promises, so a lying header cannot get past the caps.
import { open as openFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export class ZipReadError extends Error {
  constructor(
    readonly reason: 'not-zip' | 'truncated' | 'damaged' | 'unsupported' | 'unsafe',
    message: string,
  ) {
    super(message);
    this.name = 'ZipReadError';
  }
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  compression: number;
  compressedSize: number;
  size: number;
  crc32: number;
  /** yauzl's own entry, for reading. */
  readonly raw: yauzl.Entry;
}

/** More entries than any archive of a trajectory holds (its media are one entry per recording). */
export const MAX_ENTRIES = 10_000;
/**
 * Deflate can shrink at most ~1030:1; JSON of real notes shrinks 5-20:1. An entry above
 * RATIO_FLOOR bytes that claims more than MAX_RATIO is a bomb, not data.
 */
export const MAX_RATIO = 100;
const RATIO_FLOOR = 1024 * 1024;

const LOCAL_SIGNATURE = 0x04034b50;

function inflatesTooMuch(method: number, compressedSize: number, size: number): boolean {
  return method !== 0 && size > RATIO_FLOOR && size > compressedSize * MAX_RATIO;
}

async function startsLikeZip(path: string): Promise<boolean> {
  const handle = await openFile(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === LOCAL_SIGNATURE;
  } finally {
    await handle.close();
  }
}

function damaged(path: string, error: unknown): ZipReadError {
  return new ZipReadError('damaged', `${path}: the ZIP file is damaged (${(error as Error).message}).`);
}

export class ZipReader {
  private constructor(
    readonly path: string,
    private readonly zip: yauzl.ZipFile,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  /** Opens `path` and checks its directory; throws ZipReadError for anything that isn't a sound ZIP. */
  static async open(path: string): Promise<ZipReader> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code) throw error;
      if (/end of central directory record signature not found/i.test((error as Error).message)) {
        throw (await startsLikeZip(path))
          ? new ZipReadError('truncated', `${path} ends before its ZIP directory: the file is incomplete (truncated).`)
          : new ZipReadError('not-zip', `${path} is not a ZIP archive.`);
      }
      throw damaged(path, error);
    }
    try {
      // Before the first entry is read, yauzl's cursor is the directory's offset.
      const directoryOffset = Number(zip.readEntryCursor);
      if (zip.entryCount > MAX_ENTRIES) {
        throw new ZipReadError('unsafe', `${path} lists ${zip.entryCount} entries; an archive holds at most ${MAX_ENTRIES}.`);
      }
      const entries = new Map<string, ZipEntry>();
      const spans: { name: string; start: number; end: number }[] = [];
      for await (const raw of zip.eachEntry()) {
        const name = raw.fileName;
        if (entries.has(name)) throw new ZipReadError('unsafe', `${path}: entry "${name}" occurs twice.`);
        if (raw.isEncrypted()) throw new ZipReadError('unsupported', `${path}: entry "${name}" is encrypted.`);
        if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) {
          throw new ZipReadError('unsupported', `${path}: entry "${name}" uses compression method ${raw.compressionMethod}.`);
        }
        if (inflatesTooMuch(raw.compressionMethod, raw.compressedSize, raw.uncompressedSize)) {
          throw new ZipReadError(
            'unsafe',
            `${path}: entry "${name}" would inflate ${raw.compressedSize} bytes to ${raw.uncompressedSize} (more than ${MAX_RATIO}:1).`,
          );
        }
        const { fileDataStart } = await zip.readLocalFileHeaderPromise(raw, { minimal: true });
        spans.push({ name, start: raw.relativeOffsetOfLocalHeader, end: fileDataStart + raw.compressedSize });
        entries.set(name, {
          name,
          compression: raw.compressionMethod,
          compressedSize: raw.compressedSize,
          size: raw.uncompressedSize,
          crc32: raw.crc32,
          raw,
        });
      }
      spans.sort((a, b) => a.start - b.start);
      for (let i = 0; i < spans.length; i++) {
        const span = spans[i]!;
        const next = spans[i + 1];
        if (span.end > (next ? next.start : directoryOffset)) {
          throw new ZipReadError('unsafe', `${path}: entry "${span.name}" overlaps ${next ? `entry "${next.name}"` : 'the ZIP directory'}.`);
        }
      }
      return new ZipReader(path, zip, entries);
    } catch (error) {
      zip.close();
      if (error instanceof ZipReadError) throw error;
      throw damaged(path, error);
    }
  }

  /** A stream of an entry's (inflated) bytes, at most `maxBytes` of them. */
  async stream(entry: ZipEntry, maxBytes: number): Promise<Readable> {
    if (entry.size > maxBytes) {
      throw new ZipReadError('unsafe', `${this.path}: entry "${entry.name}" is ${entry.size} bytes, more than the ${maxBytes} allowed to inflate.`);
    }
    try {
      return await this.zip.openReadStreamPromise(entry.raw);
    } catch (error) {
      throw damaged(this.path, error);
    }
  }

  /** The whole (inflated) content of a small entry. */
  async read(entry: ZipEntry, maxBytes: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of await this.stream(entry, maxBytes)) chunks.push(chunk as Buffer);
    } catch (error) {
      if (error instanceof ZipReadError) throw error;
      throw new ZipReadError('damaged', `${this.path}: entry "${entry.name}" cannot be decompressed (${(error as Error).message}).`);
    }
    return Buffer.concat(chunks);
  }

  close(): void {
    this.zip.close();
  }
}
