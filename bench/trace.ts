// The page's own main-thread work, from a Chromium trace: each task carries the CPU time its
// thread spent on it ('tdur'), which the machine's load stretches far less than wall-clock time.
// Used where the benchmark compares the app's work between runs on a shared machine.
import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
}

/** A span of time in the page's `performance.now()` ms, and the mark set at its start. */
export interface PageSpan {
  mark: string;
  /** performance.now() when `mark` was set. */
  markedAt: number;
  from: number;
  to: number;
}

/** Runs `work` with the page traced; returns its result and the trace's events. */
export async function traced<T>(page: Page, work: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Tracing.start', { categories: 'toplevel,blink.user_timing', transferMode: 'ReturnAsStream' });
    const result = await work();
    const complete = new Promise<{ stream?: string }>((resolve) => session.once('Tracing.tracingComplete', resolve));
    await session.send('Tracing.end');
    const { stream } = await complete;
    let text = '';
    for (;;) {
      const chunk = await session.send('IO.read', { handle: stream! });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
      if (chunk.eof) break;
    }
    await session.send('IO.close', { handle: stream! });
    const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
    return { result, events: Array.isArray(parsed) ? parsed : parsed.traceEvents };
  } finally {
    await session.detach();
  }
}

/**
 * The top-level work of the mark's thread: tasks, and the microtask checkpoints the trace shows
 * outside any task (promise callbacks after a network answer run there).
 */
function topLevelWork(events: readonly TraceEvent[], thread: TraceEvent): TraceEvent[] {
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur && e.tdur !== undefined);
  const tasks = own.filter((e) => e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  // Tasks don't overlap: the one that could hold `e` is the last to start before it.
  const inside = (e: TraceEvent) => {
    let lo = 0;
    let hi = tasks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tasks[mid]!.ts <= e.ts) lo = mid + 1;
      else hi = mid;
    }
    const task = tasks[lo - 1];
    return task !== undefined && e.ts < task.ts + task.dur!;
  };
  const checkpoints = own.filter((e) => e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' && !inside(e));
  return [...tasks, ...checkpoints];
}

/**
 * Main-thread CPU ms the page spent in each span: the thread time of the tasks that overlap it
 * (a task partly inside counts in proportion). Spans are found in the trace by their marks, in
 * order: the n-th span by the n-th mark of its name.
 */
export function mainThreadCpuMs(events: readonly TraceEvent[], spans: readonly PageSpan[]): number[] {
  const seen = new Map<string, number>();
  // The page's main thread: where its marks are.
  const thread = events.find((e) => e.name === spans[0]?.mark && e.cat?.includes('blink.user_timing'));
  const work = thread ? topLevelWork(events, thread) : [];
  return spans.map((span) => {
    const marks = events.filter((e) => e.name === span.mark && e.cat?.includes('blink.user_timing')).sort((a, b) => a.ts - b.ts);
    const n = seen.get(span.mark) ?? 0;
    seen.set(span.mark, n + 1);
    const mark = marks[n];
    if (!mark) return Number.NaN;
    // Trace time (µs) of a page time (ms), through the mark set at a known page time.
    const at = (pageMs: number) => mark.ts + (pageMs - span.markedAt) * 1000;
    const from = at(span.from);
    const to = at(span.to);
    let cpu = 0;
    for (const e of work) {
      const overlap = Math.min(to, e.ts + e.dur!) - Math.max(from, e.ts);
      if (overlap > 0) cpu += (e.tdur! * overlap) / e.dur!;
    }
    return cpu / 1000;
  });
}
