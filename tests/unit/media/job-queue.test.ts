// JobQueue with plain async work (no ffmpeg): order, cancel, failure, throttled progress.
import { describe, expect, it } from 'vitest';
import { JobQueue, type JobEvent } from '../../../electron/services/media/job-queue';

/** Work that waits until the test lets it finish (or its signal aborts). */
function controllable() {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  let started = false;
  let reportProgress: (fraction: number) => void = () => undefined;
  const work = (signal: AbortSignal, onProgress: (fraction: number) => void) => {
    started = true;
    reportProgress = onProgress;
    return new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
      signal.addEventListener('abort', () => reject(new Error('aborted')));
    });
  };
  return {
    work,
    finish: () => finish(),
    fail: (message: string) => fail(new Error(message)),
    progress: (fraction: number) => reportProgress(fraction),
    get started() {
      return started;
    },
  };
}

function recorder(queue: JobQueue) {
  const events: JobEvent[] = [];
  queue.onEvent((e) => events.push(e));
  return {
    events,
    states: (key: string) => events.filter((e) => e.key === key).map((e) => e.state),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('JobQueue', () => {
  it('runs one job at a time, in the order they were queued', async () => {
    const queue = new JobQueue();
    const log = recorder(queue);
    const a = controllable();
    const b = controllable();
    queue.enqueue('rec-a', a.work);
    queue.enqueue('rec-b', b.work);
    await tick();
    expect(a.started).toBe(true);
    expect(b.started).toBe(false);
    expect(log.states('rec-b')).toEqual(['queued']);
    a.finish();
    await tick();
    expect(b.started).toBe(true);
    b.finish();
    await queue.idle();
    expect(log.states('rec-a')).toEqual(['queued', 'running', 'done']);
    expect(log.states('rec-b')).toEqual(['queued', 'running', 'done']);
    expect(log.events.filter((e) => e.state === 'done').every((e) => e.progress === 1)).toBe(true);
  });

  it('runs two at a time when asked to', async () => {
    const queue = new JobQueue({ concurrency: 2 });
    const jobs = [controllable(), controllable(), controllable()];
    jobs.forEach((job, i) => queue.enqueue(`rec-${i}`, job.work));
    await tick();
    expect(jobs.map((j) => j.started)).toEqual([true, true, false]);
    jobs[0]!.finish();
    await tick();
    expect(jobs[2]!.started).toBe(true);
    jobs[1]!.finish();
    jobs[2]!.finish();
    await queue.idle();
  });

  it('cancels a queued job before it starts, by key or by job id', async () => {
    const queue = new JobQueue();
    const log = recorder(queue);
    const first = controllable();
    const second = controllable();
    const third = controllable();
    queue.enqueue('rec-1', first.work);
    queue.enqueue('rec-2', second.work);
    const thirdId = queue.enqueue('rec-3', third.work);
    expect(queue.cancel('rec-2')).toBe(true);
    expect(queue.cancel(thirdId)).toBe(true);
    expect(log.states('rec-2')).toEqual(['queued', 'cancelled']);
    expect(log.states('rec-3')).toEqual(['queued', 'cancelled']);
    first.finish();
    await queue.idle();
    expect(second.started).toBe(false);
    expect(third.started).toBe(false);
  });

  it('cancels a running job through its signal, then starts the next', async () => {
    const queue = new JobQueue();
    const log = recorder(queue);
    const running = controllable();
    const next = controllable();
    queue.enqueue('rec-1', running.work);
    queue.enqueue('rec-2', next.work);
    await tick();
    expect(queue.cancel('rec-1')).toBe(true);
    await tick();
    expect(log.states('rec-1')).toEqual(['queued', 'running', 'cancelled']);
    expect(next.started).toBe(true);
    next.finish();
    await queue.idle();
  });

  it('says false when there is nothing to cancel', () => {
    expect(new JobQueue().cancel('unknown')).toBe(false);
  });

  it('reports a failed job with its error message and carries on', async () => {
    const queue = new JobQueue();
    const log = recorder(queue);
    const failing = controllable();
    const after = controllable();
    queue.enqueue('rec-1', failing.work);
    queue.enqueue('rec-2', after.work);
    await tick();
    failing.fail('ffmpeg exited with code 1');
    await tick();
    expect(log.events.find((e) => e.state === 'failed')).toMatchObject({ key: 'rec-1', error: 'ffmpeg exited with code 1' });
    after.finish();
    await queue.idle();
    expect(log.states('rec-2').at(-1)).toBe('done');
  });

  it('sends at most about ten progress events a second, never going backwards', async () => {
    const queue = new JobQueue();
    const log = recorder(queue);
    const job = controllable();
    queue.enqueue('rec-1', job.work);
    await tick();
    for (let i = 1; i <= 500; i++) job.progress(i / 1000); // a burst, all within a few ms
    job.progress(0.2); // backwards: ignored
    const during = log.events.filter((e) => e.state === 'running' && e.progress > 0);
    expect(during.length).toBeLessThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 120));
    job.progress(0.6);
    expect(log.events.at(-1)).toMatchObject({ state: 'running', progress: 0.6 });
    job.finish();
    await queue.idle();
    expect(log.events.at(-1)).toMatchObject({ state: 'done', progress: 1 });
  });

  it('keeps going when a listener throws, and stops calling a listener that unsubscribed', async () => {
    const queue = new JobQueue();
    queue.onEvent(() => {
      throw new Error('listener bug');
    });
    const seen: string[] = [];
    const unsubscribe = queue.onEvent((e) => seen.push(e.state));
    const job = controllable();
    queue.enqueue('rec-1', job.work);
    await tick();
    unsubscribe();
    job.finish();
    await queue.idle();
    expect(seen).toEqual(['queued', 'running']);
  });

  it('is idle at once when empty, and idle() waits for running work', async () => {
    const queue = new JobQueue();
    await queue.idle();
    const job = controllable();
    queue.enqueue('rec-1', job.work);
    let idle = false;
    void queue.idle().then(() => (idle = true));
    await tick();
    expect(idle).toBe(false);
    job.finish();
    await queue.idle();
    expect(idle).toBe(true);
  });
});
