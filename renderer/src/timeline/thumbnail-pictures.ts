// The timeline's thumbnails as decoded pictures for the scrub preview, decoded once per strip and
// shared by every visit of the workspace. A long recording has a few hundred 160×90 pictures, some
// 20 MB decoded. They used to be decoded per visit through new <img> elements; Chromium then kept
// a copy of each visit's pictures in its image-decode caches (the benchmark saw ~60 MB there after
// a few visits, and the scrub canvas's cache growing by ~3 MB per visit). ImageBitmaps are decoded
// once, drawn as they are (no decode cache), and closed when their strip is let go.
import type { Thumbnail } from './timeline-data';

interface Strip {
  pictures: Map<string, ImageBitmap>;
  users: number;
  /** The loading in progress; aborted when no one looks any more (what is decoded stays). */
  loading: AbortController | null;
  listeners: Set<(count: number) => void>;
  /** URLs to decode before the rest (the pictures the timeline shows now). */
  wanted: string[];
}

/** Strips kept while no workspace shows them: the recording seen last, to switch back at once. */
const KEPT_UNUSED = 1;
const strips = new Map<string, Strip>();

/** A strip is named by its pictures (their URLs carry the recording and its version). */
const keyOf = (thumbnails: readonly Thumbnail[]) => `${thumbnails.length}:${thumbnails[0]?.url ?? ''}`;

function letGoOfUnused(): void {
  const unused = [...strips].filter(([, strip]) => strip.users === 0);
  for (const [key, strip] of unused.slice(0, Math.max(0, unused.length - KEPT_UNUSED))) {
    strip.loading?.abort();
    for (const picture of strip.pictures.values()) picture.close();
    strip.pictures.clear();
    strips.delete(key);
  }
}

/** When the browser is idle (after the first frame and the timeline are drawn). */
const idle = () =>
  new Promise<void>((resolve) => {
    if (window.requestIdleCallback) window.requestIdleCallback(() => resolve(), { timeout: 2000 });
    else window.setTimeout(resolve, 200);
  });

/**
 * Indices 0..count-1 coarse to fine: every 64th first, then every 32nd, ... So the strip of the
 * whole recording (which shows one picture in some 30) is complete long before the last picture.
 */
export function coarseToFine(count: number): number[] {
  const order: number[] = [];
  const seen = new Uint8Array(count);
  for (let step = 64; step >= 1; step /= 2) {
    for (let i = 0; i < count; i += step) {
      if (seen[i]) continue;
      seen[i] = 1;
      order.push(i);
    }
  }
  return order;
}

/**
 * Decodes the pictures not decoded yet, one at a time, until done or aborted: those the timeline
 * wants first, then coarse to fine.
 */
async function load(strip: Strip, thumbnails: readonly Thumbnail[], signal: AbortSignal): Promise<void> {
  await idle();
  const rest = coarseToFine(thumbnails.length).map((i) => thumbnails[i]!.url);
  const next = () => {
    for (const queue of [strip.wanted, rest]) {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) if (!strip.pictures.has(url)) return url;
    }
    return undefined;
  };
  for (let url = next(); url !== undefined && !signal.aborted; url = next()) {
    try {
      const response = await fetch(url, { signal });
      if (!response.ok) continue; // a missing picture: that moment shows no preview
      const picture = await createImageBitmap(await response.blob());
      if (signal.aborted) {
        picture.close();
        return;
      }
      strip.pictures.set(url, picture);
      for (const listener of strip.listeners) listener(strip.pictures.size);
    } catch {
      // aborted, or a picture that does not decode: that moment shows no preview
    }
  }
}

export interface ThumbnailPictures {
  /** Decoded pictures by thumbnail URL (filled in as they are decoded). */
  pictures: ReadonlyMap<string, ImageBitmap>;
  /** Decode these (thumbnail URLs) before the rest: the pictures on screen now. */
  prefer(urls: readonly string[]): void;
  /** Lets go: the last user of a strip stops its loading; unused strips beyond one are closed. */
  release(): void;
}

/**
 * The decoded pictures of `thumbnails`, shared with every other user of the same strip; decoding
 * of what is missing starts when the browser is idle. `onDecoded` hears the number decoded so
 * far, at once and after each picture.
 */
export function takeThumbnailPictures(thumbnails: readonly Thumbnail[], onDecoded: (count: number) => void): ThumbnailPictures {
  if (thumbnails.length === 0) {
    onDecoded(0);
    return { pictures: new Map(), prefer: () => undefined, release: () => undefined };
  }
  const key = keyOf(thumbnails);
  const strip = strips.get(key) ?? { pictures: new Map(), users: 0, loading: null, listeners: new Set(), wanted: [] };
  // The map's order is the order of use: the strip seen last is kept when unused.
  strips.delete(key);
  strips.set(key, strip);
  strip.users++;
  strip.listeners.add(onDecoded);
  onDecoded(strip.pictures.size);
  if (!strip.loading && strip.pictures.size < thumbnails.length) {
    const controller = new AbortController();
    strip.loading = controller;
    void load(strip, thumbnails, controller.signal).finally(() => {
      if (strip.loading === controller) strip.loading = null;
    });
  }
  let released = false;
  return {
    pictures: strip.pictures,
    prefer(urls) {
      strip.wanted = urls.filter((url) => !strip.pictures.has(url));
    },
    release() {
      if (released) return;
      released = true;
      strip.users--;
      strip.listeners.delete(onDecoded);
      if (strip.users === 0) {
        strip.loading?.abort();
        strip.loading = null;
      }
      letGoOfUnused();
    },
  };
}
