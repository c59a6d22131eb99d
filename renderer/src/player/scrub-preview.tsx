// Instant feedback while scrubbing: as soon as the user drags on the timeline or holds an arrow
// key, the nearest keyframe thumbnail (already cached for the timeline) is drawn over the video;
// the player's decoded frame replaces it when it arrives (PlayerState.preview clears). Drawn
// imperatively from the player's own subscription, not through React, so it lands in the very
// frame of the pointer event.
//
// It looks like the video: the canvas has the video's shape (its display aspect ratio, so a
// recording with non-square pixels is not squeezed) and is contained in the player's box by the
// same `object-fit: contain` as the video, so the picture sits exactly where the frame will be. It
// is drawn at the size it is shown in device pixels (up to a cap, preview-canvas-size.ts), with
// bilinear smoothing. The canvas is sized when the box, the screen or the video's shape changes; a scrub
// step costs one drawImage.
import { useEffect, useRef } from 'react';
import { nearestThumbnail } from '../timeline/nearest-thumbnail';
import type { Thumbnail } from '../timeline/timeline-data';
import { useThumbnailPictures } from '../timeline/use-thumbnail-pictures';
import type { PlayerAdapter } from './player-adapter';
import { previewCanvasSize } from './preview-canvas-size';

/**
 * Bilinear: a thumbnail blown up to the preview's size looks smooth, not blocky, and costs a
 * scrub step a quarter of what 'high' (bicubic) does on a software canvas (0.6 vs 2.3 ms at
 * 640×360); the benchmark's first-feedback p95 went from 9 to 17 ms with 'high'.
 */
const SMOOTHING: ImageSmoothingQuality = 'low';

export function ScrubPreview({ player, thumbnails }: { player: PlayerAdapter | null; thumbnails: readonly Thumbnail[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { pictures, decoded } = useThumbnailPictures(thumbnails);

  useEffect(() => {
    const canvas = canvasRef.current;
    const box = canvas?.parentElement;
    const context = canvas?.getContext('2d');
    if (!player || !canvas || !box || !context) return;
    const video = player.mediaElement;
    let shownUrl: string | null = null;
    /** The player's box in device pixels (ResizeObserver's, which follows zoom and screen changes). */
    let boxPixels = { width: box.clientWidth * devicePixelRatio, height: box.clientHeight * devicePixelRatio };

    const aspect = (picture: ImageBitmap | undefined) =>
      video.videoWidth > 0 && video.videoHeight > 0 ? video.videoWidth / video.videoHeight : picture ? picture.width / picture.height : 0;

    /** Sizes the canvas to the picture as shown; a new size clears it, so the picture is drawn anew. */
    const fit = (picture: ImageBitmap | undefined) => {
      const size = previewCanvasSize(boxPixels, aspect(picture));
      if (size.width === 0 || (canvas.width === size.width && canvas.height === size.height)) return;
      canvas.width = size.width;
      canvas.height = size.height;
      context.imageSmoothingQuality = SMOOTHING; // a new size resets the context's settings
      shownUrl = null;
    };

    const render = () => {
      const preview = player.getState().preview;
      const thumbnail = preview === null ? null : nearestThumbnail(thumbnails, preview);
      const picture = thumbnail ? pictures.get(thumbnail.url) : undefined;
      if (!thumbnail || !picture) {
        if (!canvas.hidden) canvas.hidden = true;
        return;
      }
      if (shownUrl === null) fit(picture); // the first picture gives the shape while the video has none
      if (thumbnail.url !== shownUrl) {
        shownUrl = thumbnail.url;
        context.drawImage(picture, 0, 0, canvas.width, canvas.height);
        canvas.dataset.time = String(thumbnail.timeSec);
      }
      canvas.hidden = false;
    };

    const refit = () => {
      fit(undefined);
      if (!canvas.hidden && shownUrl === null) render();
    };
    const resized = new ResizeObserver(([entry]) => {
      const size = entry?.devicePixelContentBoxSize?.[0];
      if (size) boxPixels = { width: size.inlineSize, height: size.blockSize };
      refit();
    });
    resized.observe(box, { box: 'device-pixel-content-box' });
    video.addEventListener('resize', refit); // the video's shape is known (or changed)
    context.imageSmoothingQuality = SMOOTHING;
    render();
    const unsubscribe = player.subscribe(render);
    return () => {
      unsubscribe();
      resized.disconnect();
      video.removeEventListener('resize', refit);
      canvas.hidden = true;
    };
  }, [player, thumbnails, pictures]);

  // data-decoded: how many pictures are ready (tests and the benchmark wait for them).
  return <canvas ref={canvasRef} className="scrub-preview" data-testid="scrub-preview" data-decoded={decoded} aria-hidden="true" hidden />;
}
