// Instant feedback while scrubbing: as soon as the user drags on the timeline or holds an arrow
// key, the nearest keyframe thumbnail (already cached for the timeline) is drawn over the video;
// the player's decoded frame replaces it when it arrives (PlayerState.preview clears). Drawn
// imperatively from the player's own subscription, not through React, so it lands in the very
// frame of the pointer event.
import { useEffect, useRef } from 'react';
import { nearestThumbnail } from '../timeline/nearest-thumbnail';
import type { Thumbnail } from '../timeline/timeline-data';
import { useThumbnailPictures } from '../timeline/use-thumbnail-pictures';
import type { PlayerAdapter } from './player-adapter';

export function ScrubPreview({ player, thumbnails }: { player: PlayerAdapter | null; thumbnails: readonly Thumbnail[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { pictures, decoded } = useThumbnailPictures(thumbnails);

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

  // data-decoded: how many pictures are ready (tests and the benchmark wait for them).
  return <canvas ref={canvasRef} className="scrub-preview" data-testid="scrub-preview" data-decoded={decoded} aria-hidden="true" hidden />;
}
