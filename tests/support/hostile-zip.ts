// A small ZIP writer for tests that need archives no honest tool makes: entries that share
// their bytes, sizes that lie, names with `..`. Each entry is written as a local header and its
// data; the central directory then points at whatever offsets the test asks for.
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  data: Uint8Array;
  /** Deflate the data (method 8); stored (0) otherwise. */
  deflate?: boolean;
  /** Point this directory entry at the local header (and bytes) of entry number N instead of writing its own; `data` is ignored. */
  sameBytesAs?: number;
}

export function buildZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const [index, entry] of entries.entries()) {
    const name = Buffer.from(entry.name, 'utf8');
    const shared = entry.sameBytesAs;
    const source = shared === undefined ? entry : entries[shared]!;
    const body = source.deflate ? deflateRawSync(source.data) : Buffer.from(source.data);
    const crc = crc32(source.data);
    let at = offset;
    if (shared === undefined) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x800, 6);
      local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(entry.data.length, 22);
      local.writeUInt16LE(name.length, 26);
      locals.push(local, name, body);
      offset += local.length + name.length + body.length;
    } else {
      at = offsets[shared]!;
    }
    offsets[index] = at;
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(source.deflate ? 8 : 0, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(source.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(at, 42);
    central.push(dir, name);
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The manifest entry list for a set of entries, as a VKZ export writes it. */
export function manifestEntries(files: Record<string, Uint8Array>): Record<string, { sha256: string; size: number }> {
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name !== 'manifest.json')
      .map(([name, bytes]) => [name, { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length }]),
  );
}
