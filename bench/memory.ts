// Resident memory of the two halves of the app, read from /proc (Linux): the backend (the test
// host's Node process; in Electron the main process) and the page (every renderer process of the
// benchmark's own Chromium, a child of this process; with one page open that is the page, plus at
// most a spare renderer Chromium keeps warm). Also the page's JS heap after a garbage collection.
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null; // gone, or not Linux
  }
}

/** Resident set size of one process in MB (VmRSS), or NaN when it can't be read. */
export function residentMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readProc(pid, 'status') ?? '')?.[1];
  return kb ? Number(kb) / 1024 : Number.NaN;
}

/** Every process below `root` (children, grandchildren ...). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = readProc(pid, 'stat');
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : Number.NaN;
    if (!Number.isInteger(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** Resident MB of the renderer processes of the Chromium this process started. */
export function rendererResidentMb(): number {
  let total = 0;
  let found = 0;
  for (const pid of descendants(process.pid)) {
    const cmdline = readProc(pid, 'cmdline') ?? '';
    if (!cmdline.includes('--type=renderer')) continue;
    const rss = residentMb(pid);
    if (Number.isFinite(rss)) {
      total += rss;
      found++;
    }
  }
  return found ? total : Number.NaN;
}

/** The page's JS heap in use after a full garbage collection, MB. */
export async function jsHeapAfterGcMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('Performance.enable');
    const { metrics } = await session.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    return used === undefined ? Number.NaN : used / 2 ** 20;
  } finally {
    await session.detach();
  }
}

/** Least-squares slope of `values` per step (MB per round). */
export function slopePerStep(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}
