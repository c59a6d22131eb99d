// Instant feedback while scrubbing: as soon as the user drags on the timeline or holds an arrow
// key, the nearest keyframe thumbnail (already cached for the timeline) is drawn over the video;
// the player's decoded frame replaces it when it arrives (PlayerState.preview clears). Drawn
// imperatively from the player's own subscription, not through React, so it lands in the very
// frame of the pointer event.
import { useEffect, useRef, useState } from 'react';
import { nearestThumbnail } from '../timeline/nearest-thumbnail';
import type { Thumbnail } from '../timeline/timeline-data';
import { takeThumbnailPictures } from '../timeline/thumbnail-pictures';
import type { PlayerAdapter } from './player-adapter';

/** The thumbnails as decoded pictures (see thumbnail-pictures.ts), shared by every visit. */
function useDecodedPictures(thumbnails: readonly Thumbnail[], onDecoded: (count: number) => void): ReadonlyMap<string, ImageBitmap> {
  const [pictures, setPictures] = useState<ReadonlyMap<string, ImageBitmap>>(() => new Map());
  const onDecodedRef = useRef(onDecoded);
  onDecodedRef.current = onDecoded;
  useEffect(() => {
    const taken = takeThumbnailPictures(thumbnails, (count) => onDecodedRef.current(count));
    setPictures(taken.pictures);
    return () => taken.release();
  }, [thumbnails]);
  return pictures;
}

export function ScrubPreview({ player, thumbnails }: { player: PlayerAdapter | null; thumbnails: readonly Thumbnail[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // How many pictures are ready, on the element (tests and the benchmark wait for them).
  const pictures = useDecodedPictures(thumbnails, (count) => {
    if (canvasRef.current) canvasRef.current.dataset.decoded = String(count);
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!player || !canvas) return;
    let shownUrl: string | null = null;
    const render = () => {
      const preview = player.getState().preview;
      const thumbnail = preview === null ? null : nearestThumbnail(thumbnails, preview);
      const picture = thumbnail ? pictures.get(thumbnail.url) : undefined;
      if (!thumbnail || !picture) {
        if (!canvas.hidden) canvas.hidden = true;
        return;
      }
      if (thumbnail.url !== shownUrl) {
        shownUrl = thumbnail.url;
        if (canvas.width !== picture.width || canvas.height !== picture.height) {
          canvas.width = picture.width;
          canvas.height = picture.height;
        }
        canvas.getContext('2d')?.drawImage(picture, 0, 0);
        canvas.dataset.time = String(thumbnail.timeSec);
      }
      canvas.hidden = false;
    };
    render();
    const unsubscribe = player.subscribe(render);
    return () => {
      unsubscribe();
      canvas.hidden = true;
    };
  }, [player, thumbnails, pictures]);

  return <canvas ref={canvasRef} className="scrub-preview" data-testid="scrub-preview" aria-hidden="true" hidden />;
}
