// Writes a ZIP file entry by entry with fflate's streaming Zip, hashing each entry's content
// (SHA-256) on the way. Media files are streamed from disk in 1 MiB chunks and stored
// uncompressed (video is compressed already; deflating it costs time and saves nothing), so
// at most one chunk of one file is in memory, and the writer waits for the disk when it lags.
//
// fflate writes classic ZIP (no ZIP64): no entry and no archive may reach 4 GiB. The caller
// checks the total before it starts (ZIP_SIZE_LIMIT).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** Stay clear of the 32-bit offsets and sizes with room for headers and the directory. */
export const ZIP_SIZE_LIMIT = 0xffffffff - 16 * 1024 * 1024;

export class ZipWriteAborted extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'ZipWriteAborted';
  }
}

export interface WrittenEntry {
  sha256: string;
  size: number;
}

export class ZipWriter {
  private readonly out: WriteStream;
  private readonly zip: Zip;
  private failure: Error | null = null;
  private finished: Promise<void>;
  private needDrain = false;

  constructor(path: string) {
    this.out = createWriteStream(path);
    this.out.on('error', (error) => (this.failure ??= error));
    this.finished = new Promise((resolve, reject) => {
      this.out.on('finish', resolve);
      this.out.on('error', reject);
    });
    this.finished.catch(() => undefined); // observed through close()
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.failure ??= error;
        return;
      }
      if (!this.out.write(chunk)) this.needDrain = true;
      if (final) this.out.end();
    });
  }

  private check(signal?: AbortSignal): void {
    if (this.failure) throw this.failure;
    if (signal?.aborted) throw new ZipWriteAborted();
  }

  private async drain(): Promise<void> {
    if (!this.needDrain) return;
    this.needDrain = false;
    await once(this.out, 'drain');
  }

  /** Adds a small entry from memory, deflated. */
  async addBytes(name: string, bytes: Uint8Array): Promise<WrittenEntry> {
    this.check();
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    entry.push(bytes, true);
    await this.drain();
    this.check();
    return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  }

  /** Streams a file from disk into a stored entry. */
  async addFile(name: string, filePath: string, opts: { signal?: AbortSignal; onBytes?: (n: number) => void } = {}): Promise<WrittenEntry> {
    this.check(opts.signal);
    const hash = createHash('sha256');
    const entry = new ZipPassThrough(name);
    this.zip.add(entry);
    let size = 0;
    const input = createReadStream(filePath, { highWaterMark: 1 << 20 });
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        this.check(opts.signal);
        hash.update(chunk);
        size += chunk.length;
        entry.push(chunk);
        opts.onBytes?.(chunk.length);
        await this.drain();
      }
    } finally {
      input.destroy();
    }
    entry.push(new Uint8Array(0), true);
    await this.drain();
    this.check(opts.signal);
    return { sha256: hash.digest('hex'), size };
  }

  /** Writes the directory and closes the file. */
  async close(): Promise<void> {
    this.check();
    this.zip.end();
    await this.finished;
    this.check();
  }

  /** Stops writing; the caller deletes the partial file. */
  async abort(): Promise<void> {
    this.zip.terminate();
    if (!this.out.closed) {
      this.out.destroy();
      await once(this.out, 'close').catch(() => undefined);
    }
  }
}
