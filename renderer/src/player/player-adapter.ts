// A small adapter around video.js 8, so the rest of the UI doesn't depend on its API: precise
// seeking and frame stepping, playback rate, volume, and playing or looping a time range.
// The playhead is polled per animation frame while playing (timeupdate fires only ~4x a second),
// so a range stops at its out point within a frame.
import videojs from 'video.js';
import type Player from 'video.js/dist/types/player';

export const PLAYBACK_RATES = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export interface TimeRange {
  inSec: number;
  outSec: number;
}

export interface PlayerState {
  time: number;
  duration: number;
  paused: boolean;
  rate: number;
  volume: number;
  muted: boolean;
  /** The range being played: `loop` repeats it, otherwise playback pauses at its out point. */
  range: (TimeRange & { loop: boolean }) | null;
  ready: boolean;
  /**
   * While scrubbing (dragging on the timeline, holding an arrow key): the time asked for whose
   * frame the player has not shown yet. The workspace shows the nearest thumbnail meanwhile.
   */
  preview: number | null;
}

const INITIAL: PlayerState = {
  time: 0,
  duration: 0,
  paused: true,
  rate: 1,
  volume: 1,
  muted: false,
  range: null,
  ready: false,
  preview: null,
};

/** Half a millisecond past a frame's start: lands on that frame, not the one before it. */
const FRAME_EPSILON = 0.0005;

/** A seek slower than this shows the playhead at its target before the frame arrives. */
const SEEK_FEEDBACK_MS = 100;

export class PlayerAdapter {
  private player: Player;
  private video: HTMLVideoElement;
  private state: PlayerState = INITIAL;
  private listeners = new Set<() => void>();
  private rafId = 0;
  private fps = 25;
  /** When the oldest seek not yet answered by 'seeked' was asked for (performance.now()). */
  private seekStartedAt: number | null = null;
  private seekLatencyListeners = new Set<(ms: number) => void>();
  /** A scrub target that waits for the seek in flight: only the newest one is sought next. */
  private queuedScrub: number | null = null;
  /** Set while a seek's new time is in `state` but not yet told to the listeners (see seek). */
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(container: HTMLElement, labels: { noMedia: string }) {
    this.video = document.createElement('video');
    this.video.className = 'video-js vjs-vkz';
    this.video.setAttribute('playsinline', '');
    container.appendChild(this.video);
    this.player = videojs(this.video, {
      controls: true,
      preload: 'auto',
      fluid: false,
      fill: true,
      playbackRates: [...PLAYBACK_RATES],
      userActions: { hotkeys: false, doubleClick: true },
      languages: {},
      notSupportedMessage: labels.noMedia,
      controlBar: {
        remainingTimeDisplay: false,
        pictureInPictureToggle: false,
      },
    });
    const sync = () => this.update(this.readState());
    for (const event of ['loadedmetadata', 'durationchange', 'ratechange', 'volumechange', 'seeked', 'timeupdate']) {
      this.player.on(event, sync);
    }
    this.player.on('seeked', () => {
      if (this.seekStartedAt !== null) {
        const ms = performance.now() - this.seekStartedAt;
        this.seekStartedAt = null;
        for (const listener of this.seekLatencyListeners) listener(ms);
      }
      this.afterScrubSeek();
    });
    this.player.on('play', () => {
      sync();
      this.startPolling();
    });
    this.player.on('pause', sync);
    this.player.on('ended', sync);
  }

  /** The element that actually plays (tests and the frame-accurate seek check read it). */
  get mediaElement(): HTMLVideoElement {
    return (this.player.tech(true)?.el() as HTMLVideoElement | undefined) ?? this.video;
  }

  load(url: string, type: string, fps: number): void {
    this.fps = fps > 0 ? fps : 25;
    this.seekStartedAt = null;
    this.queuedScrub = null;
    this.update({ ...INITIAL, rate: this.state.rate, volume: this.state.volume, muted: this.state.muted });
    this.player.src({ src: url, type });
    this.player.playbackRate(this.state.rate);
  }

  unload(): void {
    this.queuedScrub = null;
    this.pause();
    this.player.reset();
    this.update({ ...INITIAL });
  }

  play(): void {
    void this.player.play()?.catch(() => undefined);
  }

  pause(): void {
    this.player.pause();
  }

  toggle(): void {
    if (this.player.paused()) this.play();
    else this.pause();
  }

  /**
   * Seeks to `sec`. The listeners (the playhead, the time, the notes list) hear of it when the new
   * frame is there ('seeked'), or after SEEK_FEEDBACK_MS when the seek is slow: their rendering
   * would otherwise take the main thread while the browser fetches the frame's bytes on it, and
   * the frame would come later. `getState()` has the new time at once.
   */
  seek(sec: number): void {
    const target = this.clampTime(sec);
    this.queuedScrub = null;
    this.seekStartedAt ??= performance.now();
    this.player.currentTime(target);
    this.update({ ...this.state, time: target, preview: null }, 'with-frame');
  }

  seekBy(deltaSec: number): void {
    this.seek(this.currentTime() + deltaSec);
  }

  /**
   * A seek while the user scrubs: the playhead and `preview` move at once; the player seeks to
   * the newest target only when the seek in flight is done (asking again while it decodes would
   * abort it, and nothing would be shown until the user stops). `preview` clears when the frame
   * of the last target is there.
   */
  scrub(sec: number): void {
    const target = this.clampTime(sec);
    this.update({ ...this.state, time: target, preview: target });
    if (this.mediaElement.seeking) {
      this.queuedScrub = target;
      return;
    }
    this.queuedScrub = null;
    this.seekStartedAt ??= performance.now();
    this.player.currentTime(target);
  }

  scrubBy(deltaSec: number): void {
    this.scrub((this.state.preview ?? this.currentTime()) + deltaSec);
  }

  /** Steps whole frames from the frame on screen (pauses first). */
  stepFrames(count: number): void {
    this.pause();
    const frame = Math.floor(this.currentTime() * this.fps + FRAME_EPSILON * this.fps);
    this.seek(Math.max(0, frame + count) / this.fps + FRAME_EPSILON);
  }

  currentTime(): number {
    return this.mediaElement.currentTime || 0;
  }

  private clampTime(sec: number): number {
    const duration = this.state.duration || Number.POSITIVE_INFINITY;
    return Math.min(Math.max(0, sec), duration);
  }

  /** After a seek: the next queued scrub target, or the frame asked for last is on screen. */
  private afterScrubSeek(): void {
    const queued = this.queuedScrub;
    if (queued !== null) {
      this.queuedScrub = null;
      this.seekStartedAt ??= performance.now();
      this.player.currentTime(queued);
      return;
    }
    if (this.state.preview !== null) this.update({ ...this.readState(), preview: null });
  }

  setRate(rate: number): void {
    this.player.playbackRate(rate);
  }

  /** One step slower (-1) or faster (+1) through PLAYBACK_RATES. */
  changeRate(direction: -1 | 1): void {
    const index = PLAYBACK_RATES.findIndex((r) => r >= this.state.rate - 1e-9);
    const next = PLAYBACK_RATES[Math.min(PLAYBACK_RATES.length - 1, Math.max(0, (index < 0 ? 3 : index) + direction))];
    if (next !== undefined) this.setRate(next);
  }

  setVolume(volume: number): void {
    this.player.volume(Math.min(1, Math.max(0, volume)));
    if (volume > 0) this.player.muted(false);
  }

  toggleMute(): void {
    this.player.muted(!this.player.muted());
  }

  /** Plays from `inSec` and stops at `outSec`, or repeats the range when `loop` is set. */
  playRange(range: TimeRange, loop: boolean): void {
    this.update({ ...this.state, range: { ...range, loop } });
    this.seek(range.inSec);
    this.play();
  }

  setLoop(loop: boolean): void {
    if (this.state.range) this.update({ ...this.state, range: { ...this.state.range, loop } });
  }

  clearRange(): void {
    this.update({ ...this.state, range: null });
  }

  /**
   * Reports how long each seek took, from asking for the time to the browser's 'seeked' (the
   * frame at the new time is ready): long waits mean the file needs a scrub proxy.
   */
  onSeekLatency(listener: (ms: number) => void): () => void {
    this.seekLatencyListeners.add(listener);
    return () => this.seekLatencyListeners.delete(listener);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getState(): PlayerState {
    return this.state;
  }

  dispose(): void {
    cancelAnimationFrame(this.rafId);
    if (this.notifyTimer !== null) clearTimeout(this.notifyTimer);
    this.listeners.clear();
    this.seekLatencyListeners.clear();
    this.player.dispose();
  }

  private readState(): PlayerState {
    const duration = this.player.duration();
    return {
      ...this.state,
      // While scrubbing the playhead stays where the user is, not on the seek still in flight.
      time: this.state.preview ?? this.currentTime(),
      duration: Number.isFinite(duration) ? (duration ?? 0) : 0,
      paused: this.player.paused(),
      rate: this.player.playbackRate() ?? 1,
      volume: this.player.volume() ?? 1,
      muted: this.player.muted() ?? false,
      ready: (this.player.readyState() ?? 0) >= 1,
    };
  }

  private startPolling(): void {
    cancelAnimationFrame(this.rafId);
    const tick = () => {
      if (this.player.isDisposed() || this.player.paused()) return;
      this.enforceRange();
      this.update(this.readState());
      this.rafId = requestAnimationFrame(tick);
    };
    this.rafId = requestAnimationFrame(tick);
  }

  private enforceRange(): void {
    const range = this.state.range;
    if (!range) return;
    const time = this.currentTime();
    if (time < range.outSec) return;
    if (range.loop) {
      this.seek(range.inSec);
    } else {
      this.pause();
      this.seek(range.outSec);
      this.update({ ...this.readState(), range: null });
    }
  }

  /** Takes `next` as the state; tells the listeners now, or with the frame of a seek (see seek). */
  private update(next: PlayerState, when: 'now' | 'with-frame' = 'now'): void {
    const prev = this.state;
    const unchanged =
      prev.time === next.time &&
      prev.duration === next.duration &&
      prev.paused === next.paused &&
      prev.rate === next.rate &&
      prev.volume === next.volume &&
      prev.muted === next.muted &&
      prev.range === next.range &&
      prev.ready === next.ready &&
      prev.preview === next.preview;
    if (unchanged && (when === 'with-frame' || this.notifyTimer === null)) return;
    this.state = next;
    if (when === 'with-frame') {
      this.notifyTimer ??= setTimeout(() => this.notify(), SEEK_FEEDBACK_MS);
      return;
    }
    this.notify();
  }

  private notify(): void {
    if (this.notifyTimer !== null) clearTimeout(this.notifyTimer);
    this.notifyTimer = null;
    for (const listener of this.listeners) listener();
  }
}
