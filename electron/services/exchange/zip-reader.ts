// Reads a ZIP file by its central directory, without loading it: the entry list comes from the
// end of the file, small entries are read whole, big ones are streamed from their byte range.
//
// Why not fflate's streaming Unzip: archives are written by a streaming writer, so every local
// header says "size follows the data" (a data descriptor), and a streaming reader must then
// find the end of a stored entry by scanning for the descriptor's signature: a 4-byte pattern
// that a video file of a gigabyte contains by chance about one time in four. The central
// directory at the end of the file has every entry's true size and offset. A truncated file
// has lost that directory, which is exactly how truncation is recognised.
//
// Only what VKZ writes is supported: stored (0) and deflated (8) entries, no ZIP64, one disk.
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { inflateSync } from 'fflate';

export class ZipReadError extends Error {
  constructor(
    readonly reason: 'not-zip' | 'truncated' | 'damaged' | 'unsupported',
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
  /** Byte offset of the entry's data (after its local header). */
  dataOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return read === length ? buffer : buffer.subarray(0, read);
}

export class ZipReader {
  private constructor(
    readonly path: string,
    readonly fileSize: number,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  /** Opens `path` and reads its directory; throws ZipReadError for anything that isn't a sound ZIP. */
  static async open(path: string): Promise<ZipReader> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const head = await readAt(handle, 0, Math.min(4, size));
      const startsLikeZip = head.length === 4 && head.readUInt32LE(0) === LOCAL_SIGNATURE;
      const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT);
      const tail = await readAt(handle, size - tailLength, tailLength);
      let eocd = -1;
      for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
        if (tail.readUInt32LE(i) === EOCD_SIGNATURE && i + EOCD_MIN + tail.readUInt16LE(i + 20) === tail.length) {
          eocd = i;
          break;
        }
      }
      if (eocd < 0) {
        throw startsLikeZip
          ? new ZipReadError('truncated', `${path} ends before its ZIP directory: the file is incomplete (truncated).`)
          : new ZipReadError('not-zip', `${path} is not a ZIP archive.`);
      }
      const eocdOffset = size - tailLength + eocd;
      const count = tail.readUInt16LE(eocd + 10);
      const dirSize = tail.readUInt32LE(eocd + 12);
      const dirOffset = tail.readUInt32LE(eocd + 16);
      if (tail.readUInt16LE(eocd + 4) !== 0 || tail.readUInt16LE(eocd + 6) !== 0 || count === 0xffff || dirOffset === 0xffffffff) {
        throw new ZipReadError('unsupported', `${path} is a multi-disk or ZIP64 archive, which VKZ does not write.`);
      }
      if (dirOffset + dirSize > eocdOffset) {
        throw new ZipReadError('damaged', `${path}: the ZIP directory points past the end of the file.`);
      }
      const dir = await readAt(handle, dirOffset, dirSize);
      const entries = new Map<string, ZipEntry>();
      let at = 0;
      for (let n = 0; n < count; n++) {
        if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
          throw new ZipReadError('damaged', `${path}: ZIP directory entry ${n + 1} is unreadable.`);
        }
        const flags = dir.readUInt16LE(at + 8);
        const compression = dir.readUInt16LE(at + 10);
        const crc32 = dir.readUInt32LE(at + 16);
        const compressedSize = dir.readUInt32LE(at + 20);
        const entrySize = dir.readUInt32LE(at + 24);
        const nameLength = dir.readUInt16LE(at + 28);
        const extraLength = dir.readUInt16LE(at + 30);
        const commentLength = dir.readUInt16LE(at + 32);
        const localOffset = dir.readUInt32LE(at + 42);
        const name = dir.subarray(at + 46, at + 46 + nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1');
        at += 46 + nameLength + extraLength + commentLength;
        if (flags & 0x1) throw new ZipReadError('unsupported', `${path}: entry "${name}" is encrypted.`);
        if (compression !== 0 && compression !== 8) {
          throw new ZipReadError('unsupported', `${path}: entry "${name}" uses compression method ${compression}.`);
        }
        const local = await readAt(handle, localOffset, 30);
        if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE) {
          throw new ZipReadError('damaged', `${path}: entry "${name}" has no local header where the directory says.`);
        }
        const dataOffset = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
        if (dataOffset + compressedSize > dirOffset) {
          throw new ZipReadError('damaged', `${path}: entry "${name}" runs past the start of the ZIP directory.`);
        }
        if (entries.has(name)) throw new ZipReadError('damaged', `${path}: entry "${name}" occurs twice.`);
        entries.set(name, { name, compression, compressedSize, size: entrySize, crc32, dataOffset });
      }
      return new ZipReader(path, size, entries);
    } finally {
      await handle.close();
    }
  }

  /** The whole (inflated) content of a small entry. */
  async read(entry: ZipEntry, maxBytes: number): Promise<Buffer> {
    if (entry.size > maxBytes || entry.compressedSize > maxBytes) {
      throw new ZipReadError('damaged', `${this.path}: entry "${entry.name}" is ${entry.size} bytes, more than the ${maxBytes} expected.`);
    }
    const handle = await open(this.path, 'r');
    let raw: Buffer;
    try {
      raw = await readAt(handle, entry.dataOffset, entry.compressedSize);
    } finally {
      await handle.close();
    }
    if (entry.compression === 0) return raw;
    try {
      const out = inflateSync(raw, { out: new Uint8Array(entry.size) });
      return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    } catch (error) {
      throw new ZipReadError('damaged', `${this.path}: entry "${entry.name}" cannot be decompressed (${(error as Error).message}).`);
    }
  }

  /** A stream of a stored (uncompressed) entry's bytes: for media, which is never deflated. */
  streamStored(entry: ZipEntry): Readable {
    if (entry.compression !== 0) {
      throw new ZipReadError('unsupported', `${this.path}: entry "${entry.name}" is compressed; media entries are stored.`);
    }
    if (entry.size === 0) return Readable.from([]);
    return createReadStream(this.path, {
      start: entry.dataOffset,
      end: entry.dataOffset + entry.size - 1,
      highWaterMark: 1 << 20,
    });
  }
}
