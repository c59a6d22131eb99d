// The decoded thumbnails of a strip for a component that draws them (the timeline's strip, the
// scrub preview): shared with every other user (see thumbnail-pictures.ts), re-rendering at most
// once a frame while they are being decoded.
import { useEffect, useState } from 'react';
import type { Thumbnail } from './timeline-data';
import { takeThumbnailPictures } from './thumbnail-pictures';

export interface DecodedThumbnails {
  /** Decoded pictures by thumbnail URL; the same map while the strip is the same. */
  pictures: ReadonlyMap<string, ImageBitmap>;
  /** How many are decoded (changes as they come in). */
  decoded: number;
  /** Decode these thumbnail URLs first (the ones on screen). */
  prefer(urls: readonly string[]): void;
}

const NONE: DecodedThumbnails = { pictures: new Map(), decoded: 0, prefer: () => undefined };

export function useThumbnailPictures(thumbnails: readonly Thumbnail[]): DecodedThumbnails {
  const [state, setState] = useState<DecodedThumbnails>(NONE);
  useEffect(() => {
    let frame = 0;
    let decoded = 0;
    const taken = takeThumbnailPictures(thumbnails, (count) => {
      decoded = count;
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        setState({ pictures: taken.pictures, decoded, prefer: taken.prefer });
      });
    });
    setState({ pictures: taken.pictures, decoded: taken.pictures.size, prefer: taken.prefer });
    return () => {
      cancelAnimationFrame(frame);
      taken.release();
    };
  }, [thumbnails]);
  return state;
}
