// The scrub preview's decoded thumbnails are decoded once per strip and shared by every visit of
// the workspace; strips no one shows are closed, all but the last one seen. (Browser APIs are
// stood in for: fetch answers every URL, createImageBitmap counts what it decodes and closes.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coarseToFine, takeThumbnailPictures } from '../../../renderer/src/timeline/thumbnail-pictures';

let decoded: { url: string; closed: boolean }[];

beforeEach(() => {
  decoded = [];
  vi.stubGlobal('window', { requestIdleCallback: (run: () => void) => setTimeout(run, 0) });
  vi.stubGlobal('fetch', async (url: string) => ({ ok: !url.includes('missing'), blob: async () => url }));
  vi.stubGlobal('createImageBitmap', async (url: string) => {
    const picture = { url, closed: false, width: 160, height: 90, close: () => (picture.closed = true) };
    decoded.push(picture);
    return picture;
  });
});
afterEach(() => vi.unstubAllGlobals());

const strip = (recording: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ timeSec: i * 20, url: `/timeline/${recording}/${String(i + 1).padStart(5, '0')}.jpg?v=1` }));

async function allDecoded(pictures: ReadonlyMap<string, unknown>, count: number) {
  await vi.waitFor(() => expect(pictures.size).toBe(count));
}

describe('thumbnail pictures', () => {
  it('decodes a strip once, however often the workspace is opened again', async () => {
    const thumbnails = strip('a', 5);
    const counts: number[] = [];
    const first = takeThumbnailPictures(thumbnails, (n) => counts.push(n));
    await allDecoded(first.pictures, 5);
    expect(counts).toEqual([0, 1, 2, 3, 4, 5]);
    first.release();

    // Back to the analysis (a new array from the same answer): the same pictures, at once.
    const again = takeThumbnailPictures(strip('a', 5), (n) => counts.push(n));
    expect(again.pictures.size).toBe(5);
    expect(counts.at(-1)).toBe(5);
    expect(decoded).toHaveLength(5);
    again.release();
  });

  it('closes the pictures of strips no one shows, keeping the one seen last', async () => {
    const b = takeThumbnailPictures(strip('b', 3), () => undefined);
    await allDecoded(b.pictures, 3);
    b.release();
    const c = takeThumbnailPictures(strip('c', 3), () => undefined);
    await allDecoded(c.pictures, 3);
    // b is unused but the last one seen: kept while c is shown.
    expect(decoded.filter((p) => p.url.includes('/b/') && p.closed)).toHaveLength(0);
    c.release();
    // Now c is the one seen last: b's pictures are closed, c's kept.
    expect(decoded.filter((p) => p.url.includes('/b/')).every((p) => p.closed)).toBe(true);
    expect(decoded.filter((p) => p.url.includes('/c/')).some((p) => p.closed)).toBe(false);
    const back = takeThumbnailPictures(strip('c', 3), () => undefined);
    expect(back.pictures.size).toBe(3);
    back.release();
  });

  it('stops decoding when the last user leaves, and goes on from there when it comes back', async () => {
    const thumbnails = strip('d', 200);
    const first = takeThumbnailPictures(thumbnails, () => undefined);
    await vi.waitFor(() => expect(first.pictures.size).toBeGreaterThan(2));
    first.release();
    const stoppedAt = decoded.filter((p) => p.url.includes('/d/')).length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(decoded.filter((p) => p.url.includes('/d/')).length).toBeLessThanOrEqual(stoppedAt + 1);
    const back = takeThumbnailPictures(thumbnails, () => undefined);
    await allDecoded(back.pictures, 200);
    // Every picture decoded once (one may have been decoded twice if it was under way).
    expect(decoded.filter((p) => p.url.includes('/d/')).length).toBeLessThanOrEqual(201);
    back.release();
  });

  it('decodes the pictures asked for first (those on screen), then the rest', async () => {
    const thumbnails = strip('f', 100);
    const taken = takeThumbnailPictures(thumbnails, () => undefined);
    const wanted = [thumbnails[37]!.url, thumbnails[91]!.url, thumbnails[5]!.url];
    taken.prefer(wanted); // before the browser is idle: the loading has not started yet
    await allDecoded(taken.pictures, 100);
    const order = decoded.filter((p) => p.url.includes('/f/')).map((p) => p.url);
    expect(order.slice(0, 3)).toEqual(wanted);
    expect(new Set(order).size).toBe(100);
    taken.release();
  });

  it("decodes coarse to fine: the whole recording's strip first, every picture once", () => {
    const order = coarseToFine(200);
    expect(order.slice(0, 4)).toEqual([0, 64, 128, 192]);
    expect(order.slice(4, 7)).toEqual([32, 96, 160]);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(coarseToFine(0)).toEqual([]);
    expect(coarseToFine(3)).toEqual([0, 2, 1]);
  });

  it('a picture that cannot be fetched is left out; the rest still decode', async () => {
    const thumbnails = [...strip('e', 2), { timeSec: 40, url: '/timeline/e/missing.jpg?v=1' }, ...strip('e', 4).slice(2)];
    const taken = takeThumbnailPictures(thumbnails, () => undefined);
    await allDecoded(taken.pictures, 4);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(taken.pictures.has('/timeline/e/missing.jpg?v=1')).toBe(false);
    expect(taken.pictures.size).toBe(4);
    taken.release();
  });
});
