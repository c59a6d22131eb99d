// Writes a ZIP file entry by entry with yazl, hashing each entry's content (SHA-256) on the way.
// Media files are streamed from disk in 1 MiB chunks and stored uncompressed (video is
// compressed already; deflating it costs time and saves nothing), so at most a chunk or two of
// one file is in memory, and the writer waits for the disk when it lags (stream back-pressure).
// yazl writes ZIP64 records where sizes or offsets pass 4 GiB, so videos of any size fit.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';

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
  private readonly zip = new yazl.ZipFile();
  private failure: Error | null = null;

  constructor(path: string) {
    this.out = createWriteStream(path);
    const fail = (error: Error) => (this.failure ??= error);
    this.out.on('error', fail);
    this.zip.on('error', fail);
    this.zip.outputStream.on('error', fail);
    this.zip.outputStream.pipe(this.out);
  }

  private check(signal?: AbortSignal): void {
    if (this.failure) throw this.failure;
    if (signal?.aborted) throw new ZipWriteAborted();
  }

  /** Adds a small entry from memory, deflated. */
  async addBytes(name: string, bytes: Uint8Array): Promise<WrittenEntry> {
    this.check();
    this.zip.addBuffer(Buffer.from(bytes), name, { compress: true });
    return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  }

  /** Streams a file from disk into a stored entry; resolves when the whole file is written into the ZIP. */
  async addFile(name: string, filePath: string, opts: { signal?: AbortSignal; onBytes?: (n: number) => void } = {}): Promise<WrittenEntry> {
    this.check(opts.signal);
    const { size: expected } = await stat(filePath);
    const hash = createHash('sha256');
    let size = 0;
    const input = createReadStream(filePath, { highWaterMark: 1 << 20 });
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (opts.signal?.aborted) return done(new ZipWriteAborted());
        hash.update(chunk);
        size += chunk.length;
        opts.onBytes?.(chunk.length);
        done(null, chunk);
      },
    });
    input.on('error', (error) => tap.destroy(error));
    input.pipe(tap);
    this.zip.addReadStream(tap, name, { compress: false, size: expected });
    try {
      await finished(tap);
    } catch (error) {
      input.destroy();
      throw error instanceof ZipWriteAborted ? error : (this.failure ?? error);
    }
    this.check(opts.signal);
    return { sha256: hash.digest('hex'), size };
  }

  /** Writes the directory and closes the file. */
  async close(): Promise<void> {
    this.check();
    this.zip.end();
    await finished(this.out);
    this.check();
  }

  /** Stops writing; the caller deletes the partial file. */
  async abort(): Promise<void> {
    this.zip.outputStream.unpipe(this.out);
    if (!this.out.closed) {
      this.out.destroy();
      await finished(this.out).catch(() => undefined);
    }
  }
}
