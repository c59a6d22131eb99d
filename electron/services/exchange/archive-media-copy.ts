// Copying (or only checking) an archive's media entries, each against the SHA-256 its manifest
// lists. Runs in the exchange worker as part of an archive import (archive-import.ts).
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { OpenedArchive } from './archive-read';
import { ExchangeError } from './exchange-error';

/** targets: [entry name, file to write it to, or null to check it only]. */
export async function copyArchiveMedia(
  archive: OpenedArchive,
  fileName: string,
  targets: [entry: string, target: string | null][],
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  const total = targets.reduce((sum, [name]) => sum + (archive.media.get(name)?.size ?? 0), 0);
  let done = 0;
  for (const [name, target] of targets) {
    const entry = archive.media.get(name);
    const expected = archive.manifest.entries[name]?.sha256;
    if (!entry || !expected) throw new ExchangeError('damaged', `${fileName}: entry ${name} is missing`, { file: fileName, entry: name });
    const hash = createHash('sha256');
    const source = await archive.zip.stream(entry, entry.compressedSize);
    const out = target ? await open(target, 'w') : null;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        hash.update(chunk);
        if (out) {
          let written = 0;
          while (written < chunk.length) written += (await out.write(chunk, written, chunk.length - written)).bytesWritten;
        }
        done += chunk.length;
        onProgress(done, total);
      }
    } catch (error) {
      if (error instanceof ExchangeError) throw error;
      throw new ExchangeError('damaged', `${fileName}: entry ${name} cannot be read (${(error as Error).message})`, { file: fileName, entry: name });
    } finally {
      source.destroy();
      await out?.close();
    }
    if (hash.digest('hex') !== expected) {
      throw new ExchangeError('damaged', `${fileName}: entry ${name} does not match its checksum: it was changed or damaged`, { file: fileName, entry: name });
    }
  }
}
