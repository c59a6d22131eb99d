// The archive's ZIP layer: written in a stream, read by its central directory, so a stored
// video that happens to contain ZIP signatures is read back exactly; a cut-off file is known
// for what it is.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipReader, ZipReadError } from '../../../electron/services/exchange/zip-reader';
import { ZipWriteAborted, ZipWriter } from '../../../electron/services/exchange/zip-writer';

let tmp: string;
let media: string;
let mediaBytes: Buffer;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-zip-'));
  // 5 MB of noise with data-descriptor and local-header signatures planted in it.
  mediaBytes = randomBytes(5 * 1024 * 1024);
  for (const at of [1000, 2_000_000, 4_000_000]) {
    mediaBytes.writeUInt32LE(0x08074b50, at);
    mediaBytes.writeUInt32LE(0x04034b50, at + 40);
  }
  media = path.join(tmp, 'video.mp4');
  writeFileSync(media, mediaBytes);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('ZipWriter and ZipReader', () => {
  it('round-trips small deflated entries and a streamed stored file, with their SHA-256', async () => {
    const file = path.join(tmp, 'a.zip');
    const writer = new ZipWriter(file);
    const json = strToU8(JSON.stringify({ tekst: 'Cliënt zegt: “ja”'.repeat(1000) }));
    const data = await writer.addBytes('data.json', json);
    const progress: number[] = [];
    const video = await writer.addFile('media/x.mp4', media, { onBytes: (n) => progress.push(n) });
    await writer.close();

    expect(video.sha256).toBe(createHash('sha256').update(mediaBytes).digest('hex'));
    expect(progress.reduce((a, b) => a + b, 0)).toBe(mediaBytes.length);
    expect(data.size).toBe(json.length);

    const zip = await ZipReader.open(file);
    expect([...zip.entries.keys()]).toEqual(['data.json', 'media/x.mp4']);
    expect(Buffer.from(await zip.read(zip.entries.get('data.json')!, 10_000_000)).equals(Buffer.from(json))).toBe(true);
    expect(zip.entries.get('media/x.mp4')!.compression).toBe(0);
    expect((await collect((await zip.stream(zip.entries.get('media/x.mp4')!, mediaBytes.length)) as AsyncIterable<Buffer>)).equals(mediaBytes)).toBe(true);
    // Other tools read it too.
    const other = unzipSync(readFileSync(file));
    expect(Buffer.from(other['media/x.mp4']!).equals(mediaBytes)).toBe(true);
  });

  it('knows a truncated file from a foreign one', async () => {
    const file = path.join(tmp, 'b.zip');
    const writer = new ZipWriter(file);
    await writer.addFile('media/x.mp4', media);
    await writer.close();
    truncateSync(file, 3_000_000);
    await expect(ZipReader.open(file)).rejects.toMatchObject({ reason: 'truncated' });
    const text = path.join(tmp, 'c.zip');
    writeFileSync(text, 'geen zip');
    await expect(ZipReader.open(text)).rejects.toBeInstanceOf(ZipReadError);
    await expect(ZipReader.open(text)).rejects.toMatchObject({ reason: 'not-zip' });
  });

  it('stops when cancelled', async () => {
    const writer = new ZipWriter(path.join(tmp, 'd.zip'));
    const controller = new AbortController();
    controller.abort();
    await expect(writer.addFile('media/x.mp4', media, { signal: controller.signal })).rejects.toBeInstanceOf(ZipWriteAborted);
    await writer.abort();
  });
});
