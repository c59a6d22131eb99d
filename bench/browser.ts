// Measurements in the UI: Chromium (the one the e2e tests use) against the test host. Every
// number is taken inside the page with performance.now(), so the driver's own latency is not in it.
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions(), headless: true });
}

export function chromiumPath(): string {
  return chromiumLaunchOptions().executablePath ?? chromium.executablePath();
}

/**
 * From navigation start (a fresh browser context: nothing cached) to the first video frame the
 * player presents, opening a cycle's workspace directly by URL. ms per run.
 */
export async function openToFirstFrame(browser: Browser, url: string, cycleId: string, runs: number): Promise<number[]> {
  const results: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(() => {
      (window as unknown as { __firstFrame: Promise<number> }).__firstFrame = new Promise((resolve) => {
        const seen = new WeakSet<HTMLVideoElement>();
        const watch = () => {
          for (const video of document.querySelectorAll('video')) {
            if (seen.has(video)) continue;
            seen.add(video);
            video.requestVideoFrameCallback(() => resolve(performance.now()));
          }
          requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      });
    });
    const page = await context.newPage();
    await page.goto(`${url}#/cycle/${cycleId}`);
    results.push(await page.evaluate(() => (window as unknown as { __firstFrame: Promise<number> }).__firstFrame));
    await context.close();
  }
  return results;
}

/** Waits until the player has loaded what `srcPart` names (e.g. `v=proxy`) far enough to seek. */
export async function waitForPlayer(page: Page, srcPart: string): Promise<void> {
  await page.waitForFunction(playerShowsFrame, srcPart, { timeout: 60_000 });
}

/** In the page: the player has loaded what `part` names far enough to show a frame. */
export function playerShowsFrame(part: string): boolean {
  const player = (window as any).__vkzPlayer;
  const el = player?.mediaElement as HTMLVideoElement | undefined;
  return !!el && el.currentSrc.includes(part) && el.readyState >= 2;
}

/** In the page: the scrub preview has decoded every thumbnail of the recording on screen. */
export function scrubPreviewReady(): boolean {
  const status = document.querySelector('[data-testid=timeline-status]');
  const preview = document.querySelector('[data-testid=scrub-preview]') as HTMLElement | null;
  return !!status && !!preview && status.getAttribute('data-state') === 'done' && preview.dataset.decoded === status.getAttribute('data-thumbnails');
}

/** What a measurement needs of a page: Playwright's, or the memory benchmark's bare one. */
export interface EvaluatesInPage {
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** Per seek, ms from asking for the time. */
export interface SeekTimes {
  /** To the moment the browser expects the new frame on screen (or 'seeked', see `unframed`). */
  shown: number[];
  /** Through the app's player: to the frame that draws the playhead and the time at the target. */
  playhead: number[];
  /** Seeks whose frame didn't come within a second (audio only): `shown` counts them until 'seeked'. */
  unframed: number;
}

/**
 * Seeks through the app's player adapter (`src` null) or on a bare <video> element playing `src`,
 * added to the page and removed after (no video.js, no React, nothing listening: what the browser
 * itself needs). "Shown" is requestVideoFrameCallback's expectedDisplayTime of the frame at the
 * target, which the compositor sets: the page's own handlers that run after it are not in it;
 * "playhead" is when the page has drawn the seek (the adapter told its listeners, one frame on).
 */
async function timeSeeks(page: EvaluatesInPage, src: string | null, targets: number[]): Promise<SeekTimes> {
  return page.evaluate(
    async ({ src, times }) => {
      const player = (window as any).__vkzPlayer; // none in a neutral page
      let el: HTMLVideoElement;
      if (src === null) el = player.mediaElement;
      else {
        el = document.createElement('video');
        el.preload = 'auto';
        el.muted = true;
        el.style.cssText = 'position:fixed;right:0;bottom:0;width:320px;height:180px;z-index:10000';
        el.src = src;
        document.body.appendChild(el);
      }
      const video = el;
      try {
        if (src !== null) {
          await new Promise((resolve, reject) => {
            video.addEventListener('loadeddata', resolve, { once: true });
            video.addEventListener('error', () => reject(new Error(`bare video: cannot load ${src}`)), { once: true });
          });
        }
        const out = { shown: [] as number[], playhead: [] as number[], unframed: 0 };
        for (const t of times) {
          let settled = false;
          const seeked = new Promise<number>((resolve) => video.addEventListener('seeked', () => resolve(performance.now()), { once: true }));
          // The frame presented after asking whose media time is the target's (within a frame).
          const presented = new Promise<number>((resolve) => {
            const watch = () =>
              video.requestVideoFrameCallback((_now, meta) => {
                if (Math.abs(meta.mediaTime - t) < 0.1) resolve(meta.expectedDisplayTime);
                else if (!settled) watch();
              });
            watch();
          });
          const drawn = new Promise<number>((resolve) => {
            if (src !== null) return resolve(Number.NaN);
            const stop = player.subscribe(() => {
              stop();
              requestAnimationFrame(() => resolve(performance.now()));
            });
          });
          const started = performance.now();
          if (src === null) player.seek(t);
          else video.currentTime = t;
          const seekedAt = await seeked;
          const shownAt = await Promise.race([presented, new Promise<null>((r) => setTimeout(() => r(null), 1000))]);
          settled = true;
          if (shownAt === null) out.unframed++;
          out.shown.push((shownAt ?? seekedAt) - started);
          out.playhead.push((await drawn) - started);
          await new Promise((r) => setTimeout(r, 30));
        }
        return out;
      } finally {
        if (src !== null) {
          video.removeAttribute('src');
          video.load();
          video.remove();
        }
      }
    },
    { src, times: targets },
  );
}

/** Seeks through the app's player adapter. */
export function seekLatencies(page: Page, targets: number[]): Promise<SeekTimes> {
  return timeSeeks(page, null, targets);
}

/**
 * The same seeks on a bare <video> element playing the player's own URL in the same page. The
 * app's player is paused meanwhile.
 */
export async function bareSeekLatencies(page: Page, targets: number[]): Promise<SeekTimes> {
  const src = await page.evaluate(() => {
    const player = (window as any).__vkzPlayer;
    player.pause();
    return (player.mediaElement as HTMLVideoElement).currentSrc;
  });
  return timeSeeks(page, src, targets);
}

/** Seeks on a bare <video> element playing `src`. */
export function elementSeekLatencies(page: Page, src: string, targets: number[]): Promise<SeekTimes> {
  return timeSeeks(page, src, targets);
}

/** From the route change (library -> cycle) to the notes list and timeline drawn with every note. */
export async function cycleOpenTimes(page: Page, url: string, cycleId: string, noteCount: number, runs: number): Promise<number[]> {
  const results: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(`${url}#/`);
    await page.getByRole('button', { name: '+ Nieuw traject' }).waitFor();
    results.push(
      await page.evaluate(
        async ({ id, count }) => {
          const started = performance.now();
          location.hash = `#/cycle/${id}`;
          await new Promise<void>((resolve) => {
            const check = () => {
              const tab = [...document.querySelectorAll('[role=tab]')].some((t) => t.textContent?.includes(`(${count})`));
              const rows = document.querySelectorAll('[data-testid=note]').length > 0;
              const canvas = (document.querySelector('.timeline-canvas') as HTMLCanvasElement | null)?.width ?? 0;
              if (tab && rows && canvas > 0) resolve();
              else requestAnimationFrame(check);
            };
            check();
          });
          // ... and painted.
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - started;
        },
        { id: cycleId, count: noteCount },
      ),
    );
  }
  return results;
}

/** The notes.create call alone from the page (HTTP transport of the test host, backend, SQLite commit). */
export async function invokeCreateNoteTimes(page: Page, recordingId: string, runs: number): Promise<number[]> {
  return page.evaluate(
    async ({ id, count }) => {
      const out: number[] = [];
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        const result = await (window as any).vkz.invoke('notes.create', { recordingId: id, timeSec: 1 + i, kind: 'event', text: `invoke ${i}` });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        out.push(performance.now() - started);
      }
      return out;
    },
    { id: recordingId, count: runs },
  );
}

export interface FrameStats {
  /** Main-thread time per frame: from the frame's rAF callback until the main thread has run
   * everything queued by then (style, layout, paint, React's update). ms per frame. */
  busy: number[];
  /** Time between frames (rAF timestamps): 16.7 ms at 60 Hz when no frame is dropped. */
  intervals: number[];
}

/**
 * Scrolls by `step` every frame for `frames` frames: the element's scrollTop (the notes list), or
 * wheel events (the timeline pans on the wheel), and records frame times.
 */
export async function scrollFrames(page: Page, selector: string, mode: 'scrollTop' | 'wheel', step: number, frames: number): Promise<FrameStats> {
  return page.evaluate(
    async ({ selector, mode, step, frames }) => {
      const el = document.querySelector(selector) as HTMLElement;
      const busy: number[] = [];
      const intervals: number[] = [];
      const channel = new MessageChannel();
      let lastStamp: number | null = null;
      for (let i = 0; i < frames; i++) {
        await new Promise<void>((resolve) => {
          requestAnimationFrame((stamp) => {
            const started = performance.now();
            if (lastStamp !== null) intervals.push(stamp - lastStamp);
            lastStamp = stamp;
            if (mode === 'scrollTop') el.scrollTop += step;
            else el.dispatchEvent(new WheelEvent('wheel', { deltaY: step, bubbles: true, cancelable: true }));
            channel.port1.onmessage = () => {
              busy.push(performance.now() - started);
              resolve();
            };
            channel.port2.postMessage(null);
          });
        });
      }
      // A port with a message handler stays alive, and with it everything its handler's scope
      // holds (here the list or timeline, and so the whole page of this visit): close it.
      channel.port1.close();
      return { busy: busy.slice(5), intervals: intervals.slice(5) };
    },
    { selector, mode, step, frames },
  );
}

/** Waits until the player plays recording `recordingId` and can show a frame. */
export async function waitForRecording(page: Page, recordingId: string): Promise<void> {
  await waitForPlayer(page, `/media/${recordingId}?`);
}

export interface ScrubTimes {
  /** From the pointer event to the frame that shows the thumbnail painted, ms per step. */
  feedback: number[];
  /** From the pointer event until the decoded frame replaced the thumbnail ('seeked'), ms per step. */
  frame: number[];
  /**
   * The app's own work per step: its pointer handler and the React update that queued (a
   * microtask queued after the event runs after React's), ms. The rest of `feedback` is waiting
   * for tasks queued before the step (the media element's data, timers), which grows with load.
   */
  work: number[];
}

/**
 * Drags on the timeline as a user does, one step per `fractions` entry (0..1 of its width). Each
 * pointer event is dispatched in an animation-frame callback (where Chromium delivers real pointer
 * moves) and timed, like the scroll frames, until the main thread has run everything queued by
 * then: the thumbnail is drawn in that frame. Then it waits for the decoded frame (the preview
 * goes) before the next step.
 */
export async function scrubSteps(page: EvaluatesInPage, fractions: number[]): Promise<ScrubTimes> {
  return page.evaluate(async (steps) => {
    const box = document.querySelector('[data-testid=timeline]') as HTMLElement;
    const preview = document.querySelector('[data-testid=scrub-preview]') as HTMLCanvasElement;
    const player = (window as any).__vkzPlayer;
    const rect = box.getBoundingClientRect();
    const y = rect.top + rect.height - 10;
    const fire = (type: string, fraction: number) =>
      box.dispatchEvent(
        new PointerEvent(type, { pointerId: 11, button: 0, buttons: 1, clientX: rect.left + fraction * rect.width, clientY: y, bubbles: true }),
      );
    const channel = new MessageChannel();
    const afterFrame = (started: number) =>
      new Promise<number>((resolve) => {
        channel.port1.onmessage = () => resolve(performance.now() - started);
        channel.port2.postMessage(null);
      });
    const frameShown = () =>
      new Promise<void>((resolve) => {
        if (player.getState().preview === null) return resolve();
        const off = player.subscribe(() => {
          if (player.getState().preview === null) {
            off();
            resolve();
          }
        });
      });
    const feedback: number[] = [];
    const frame: number[] = [];
    const work: number[] = [];
    // Pressed a little beside the first step, so the first move is already a drag.
    fire('pointerdown', steps[0]! > 0.5 ? steps[0]! - 0.03 : steps[0]! + 0.03);
    for (const fraction of steps) {
      const started = await new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          const t = performance.now();
          fire('pointermove', fraction);
          queueMicrotask(() => work.push(performance.now() - t));
          resolve(t);
        }),
      );
      if (preview.hidden) throw new Error('the scrub preview did not show');
      feedback.push(await afterFrame(started));
      await frameShown();
      frame.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 30));
    }
    fire('pointerup', steps.at(-1)!);
    // As in scrollFrames: an open port would keep this visit's timeline (and its page) alive.
    channel.port1.close();
    return { feedback, frame, work };
  }, fractions);
}

export interface NoteAddTimes {
  /** Enter to the note in the list. */
  total: number[];
  /** Enter until the store's answer is back in the page (HTTP, backend, SQLite commit); the row shows before it. */
  store: number[];
  /** Per note, page times (performance.now(), ms): Enter (marked 'vkz-note-enter'), the store's answer, the row shown. */
  moments: { enter: number; answer: number; shown: number }[];
}

/**
 * Adds notes the way a researcher does (N, type, Enter) and times each from the Enter key to the
 * note showing in the list, split at the moment the store's answer arrives in the page (seen on
 * the wire by a PerformanceObserver on the notes.create request): before it the store round
 * trip, after it React's update of the 10,000-note list.
 */
/**
 * In the page, before note `step`: paused, a few seconds further each time, as when annotating
 * (the new note is the current one).
 */
export async function goToNextNoteMoment(step: number): Promise<void> {
  (document.activeElement as HTMLElement | null)?.blur();
  const player = (window as any).__vkzPlayer;
  player.pause();
  const el = player.mediaElement as HTMLVideoElement;
  const seeked = new Promise((resolve) => el.addEventListener('seeked', resolve, { once: true }));
  player.seek(player.getState().duration / 2 + step * 3.7);
  await seeked;
}

export async function addNoteTimes(page: Page, runs: number): Promise<NoteAddTimes> {
  const out: NoteAddTimes = { total: [], store: [], moments: [] };
  for (let i = 0; i < runs; i++) {
    await page.evaluate(goToNextNoteMoment, i);
    await page.keyboard.press('n');
    const text = `Benchmarknotitie ${i} ${Date.now()}`;
    await page.locator('form.note-form textarea').fill(text);
    const run = await page.evaluate(async (expected) => {
      const field = document.querySelector('form.note-form textarea') as HTMLTextAreaElement;
      const shows = () => [...document.querySelectorAll('[data-testid=note] .note-text')].some((p) => p.textContent === expected);
      const started = performance.now();
      performance.mark('vkz-note-enter', { startTime: started });
      const answered = new Promise<number>((resolve) => {
        const observer = new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.name.includes('/api/invoke/notes.create') && e.startTime >= started);
          if (entry) {
            observer.disconnect();
            resolve((entry as PerformanceResourceTiming).responseEnd);
          }
        });
        observer.observe({ type: 'resource', buffered: false });
      });
      const appeared = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (shows()) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      const late = new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 10_000));
      const shown = await Promise.race([appeared, late]);
      const answer = await Promise.race([answered, new Promise<number>((r) => setTimeout(() => r(Number.NaN), 1000))]);
      return { total: shown - started, store: answer - started, enter: started, answer, shown };
    }, text);
    out.total.push(run.total);
    out.store.push(run.store);
    out.moments.push({ enter: run.enter, answer: run.answer, shown: run.shown });
    await page.locator('form.note-form').waitFor({ state: 'detached' });
  }
  return out;
}
