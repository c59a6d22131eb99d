// A minimal look at the top-level boxes of an ISO base media file (MP4, MOV, M4A): enough to tell
// a file that is cut off (an interrupted copy or recording) from one that is merely odd. ffprobe
// opens an MP4 whose moov box comes first even when half of its media data is missing.
import { open } from 'node:fs/promises';

/** Box types that may open an MP4/MOV file. */
const LEADING_BOX_TYPES = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'uuid']);

/** Pure: does the start of a file look like an MP4/MOV box? */
export function looksLikeIsoBmff(header: Uint8Array): boolean {
  if (header.length < 8) return false;
  const type = String.fromCharCode(header[4]!, header[5]!, header[6]!, header[7]!);
  return LEADING_BOX_TYPES.has(type);
}

export interface IsoBmffLayout {
  /** Top-level box types in file order. */
  boxes: string[];
  /** The moov or mdat box that claims more bytes than the file has, if any. */
  cutOff: { type: string; needsBytes: number } | null;
}

/** Walks the top-level boxes (reads 16 bytes per box). */
export async function inspectIsoBmff(filePath: string): Promise<IsoBmffLayout> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const boxes: string[] = [];
    const header = Buffer.alloc(16);
    let offset = 0;
    while (offset + 8 <= size && boxes.length < 10_000) {
      const { bytesRead } = await handle.read(header, 0, 16, offset);
      if (bytesRead < 8) break;
      let boxSize = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      if (boxSize === 1) {
        if (bytesRead < 16) break;
        boxSize = Number(header.readBigUInt64BE(8));
      } else if (boxSize === 0) {
        boxSize = size - offset; // "extends to the end of the file"
      }
      if (!/^[\x20-\x7e]{4}$/.test(type) || boxSize < 8) break; // not box structure (trailing junk)
      boxes.push(type);
      if (offset + boxSize > size) {
        const cutOff = type === 'moov' || type === 'mdat' ? { type, needsBytes: offset + boxSize } : null;
        return { boxes, cutOff };
      }
      offset += boxSize;
    }
    return { boxes, cutOff: null };
  } finally {
    await handle.close();
  }
}

/** True when the moov box (the index) comes before the media data: playback can start at once. */
export function hasFaststartLayout(layout: IsoBmffLayout): boolean {
  const moov = layout.boxes.indexOf('moov');
  const mdat = layout.boxes.indexOf('mdat');
  return moov >= 0 && (mdat < 0 || moov < mdat);
}
