// Instant feedback while scrubbing: as soon as the user drags on the timeline or holds an arrow
// key, the nearest keyframe thumbnail (already cached for the timeline) is drawn over the video;
// the player's decoded frame replaces it when it arrives (PlayerState.preview clears). Drawn
// imperatively from the player's own subscription, not through React, so it lands in the very
// frame of the pointer event.
import { useEffect, useMemo, useRef } from 'react';
import { nearestThumbnail } from '../timeline/nearest-thumbnail';
import type { Thumbnail } from '../timeline/timeline-data';
import type { PlayerAdapter } from './player-adapter';

/**
 * The thumbnails as decoded images, loaded when the browser is idle (after the first frame and the
 * timeline). A few hundred 160×90 pictures: some 20 MB decoded for a long recording.
 */
function useDecodedImages(
  thumbnails: readonly Thumbnail[],
  onDecoded: (count: number) => void,
): Map<string, HTMLImageElement> {
  const images = useMemo(() => new Map<string, HTMLImageElement>(), [thumbnails]);
  useEffect(() => {
    let cancelled = false;
    const load = () => {
      for (const thumbnail of thumbnails) {
        if (cancelled) return;
        const image = new Image();
        image.src = thumbnail.url;
        image
          .decode()
          .then(() => {
            if (cancelled) return;
            images.set(thumbnail.url, image);
            onDecoded(images.size);
          })
          .catch(() => undefined); // a missing picture: that moment shows no preview
      }
    };
    const idle = window.requestIdleCallback?.(load, { timeout: 2000 }) ?? window.setTimeout(load, 200);
    return () => {
      cancelled = true;
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
      images.clear();
    };
  }, [thumbnails, images]);
  return images;
}

export function ScrubPreview({ player, thumbnails }: { player: PlayerAdapter | null; thumbnails: readonly Thumbnail[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // How many pictures are ready, on the element (tests and the benchmark wait for them).
  const images = useDecodedImages(thumbnails, (count) => {
    if (canvasRef.current) canvasRef.current.dataset.decoded = String(count);
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!player || !canvas) return;
    let shownUrl: string | null = null;
    const render = () => {
      const preview = player.getState().preview;
      const thumbnail = preview === null ? null : nearestThumbnail(thumbnails, preview);
      const image = thumbnail ? images.get(thumbnail.url) : undefined;
      if (!thumbnail || !image) {
        if (!canvas.hidden) canvas.hidden = true;
        return;
      }
      if (thumbnail.url !== shownUrl) {
        shownUrl = thumbnail.url;
        if (canvas.width !== image.naturalWidth || canvas.height !== image.naturalHeight) {
          canvas.width = image.naturalWidth;
          canvas.height = image.naturalHeight;
        }
        canvas.getContext('2d')?.drawImage(image, 0, 0);
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
  }, [player, thumbnails, images]);

  return <canvas ref={canvasRef} className="scrub-preview" data-testid="scrub-preview" aria-hidden="true" hidden />;
}
