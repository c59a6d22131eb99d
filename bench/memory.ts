// Resident memory of the two halves of the app (Linux, /proc): the backend (the test host's Node
// process; in Electron the main process) and the page (the one renderer process that runs it, in
// a Chromium of the benchmark's own, see bare-chromium.ts). Chromium's other processes (browser,
// GPU, network ...) and its spare renderers are Chromium's, counted apart. Where the page's memory
// is comes from Chromium's own accounting (memory-infra, as chrome://tracing shows it).
import { readdirSync, readFileSync } from 'node:fs';
import type { BarePage } from './bare-chromium';

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
    if (Number.isInteger(ppid)) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
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

/** Proportional set size of one process in MB (Pss: shared pages split among their sharers). */
export function proportionalMb(pid: number): number {
  const kb = /^Pss:\s+(\d+) kB/m.exec(readProc(pid, 'smaps_rollup') ?? '')?.[1];
  return kb ? Number(kb) / 1024 : Number.NaN;
}

/**
 * A Chromium's processes (`browser` and below) but the page's renderer, MB: proportional (Pss),
 * since resident sizes would count Chromium's code, shared by all of them, once per process.
 */
export function chromiumOwnMb(browser: number, pageRenderer: number): number {
  return [browser, ...descendants(browser)]
    .filter((pid) => pid !== pageRenderer)
    .map(proportionalMb)
    .filter(Number.isFinite)
    .reduce((a, b) => a + b, 0);
}

/**
 * Where a renderer's memory is, MB, by Chromium's allocators (effective sizes: memory shared or
 * owned by another allocator counts once, at its owner). Named as a reader would look for them.
 */
export interface PageBreakdown {
  /** `media`: decoded frames waiting to be shown, the demuxer's and the data source's buffers. */
  media: number;
  /** `cc/image_memory` + `web_cache`: decoded pictures (thumbnails) and the encoded files. */
  images: number;
  /** `v8`: the JavaScript heaps (with the space V8 keeps free). */
  js: number;
  /** `blink_gc` + `partition_alloc`: DOM, layout, styles, strings and buffers of the engine. */
  engine: number;
  /** `malloc`: everything else allocated natively (decoder contexts, threads' arenas, ...). */
  malloc: number;
  /** The rest (`cc` tiles, `skia`, `canvas`, `shared_memory`, ...). */
  other: number;
}

export interface PageMemory {
  pid: number;
  residentMb: number;
  /** The JS heap in use after a full garbage collection. */
  jsHeapMb: number;
  /** DOM nodes alive (after the collection): nodes of pages left behind show up here. */
  domNodes: number;
  breakdown: PageBreakdown;
}

const mbOf = (attrs: Record<string, { value: string }> | undefined) => {
  const attr = attrs?.effective_size ?? attrs?.size;
  return attr ? Number.parseInt(attr.value, 16) / 2 ** 20 : 0;
};

/** After a full garbage collection: the page's renderer, its JS heap, DOM nodes and allocators. */
export async function pageMemory(page: BarePage): Promise<PageMemory> {
  await page.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await page.send('Runtime.getHeapUsage')) as { usedSize: number };
  const { nodes } = (await page.send('Memory.getDOMCounters')) as { nodes: number };
  // One trace: the page leaves a mark (which process is it?) and every process dumps its memory.
  const events = await page.browser.trace(
    ['blink.user_timing', 'disabled-by-default-memory-infra'],
    () =>
      page.evaluate(() => {
        performance.mark('vkz-which-process');
        performance.clearMarks('vkz-which-process');
      }),
    true,
  );
  const pid = events.find((e) => e.name === 'vkz-which-process')?.pid;
  if (pid === undefined) throw new Error('could not tell which process runs the page');
  const allocators = events.find((e) => e.ph === 'v' && e.pid === pid && e.args?.dumps?.allocators)?.args?.dumps?.allocators ?? {};
  const top = (name: string) => mbOf(allocators[name]?.attrs);
  let total = 0;
  for (const [name, dump] of Object.entries(allocators)) if (!name.includes('/')) total += mbOf(dump.attrs);
  const breakdown: PageBreakdown = {
    media: top('media'),
    images: mbOf(allocators['cc/image_memory']?.attrs) + top('web_cache'),
    js: top('v8'),
    engine: top('blink_gc') + top('partition_alloc'),
    malloc: top('malloc'),
    other: 0,
  };
  breakdown.other = Math.max(0, total - Object.values(breakdown).reduce((a, b) => a + b, 0));
  return { pid, residentMb: residentMb(pid), jsHeapMb: usedSize / 2 ** 20, domNodes: nodes, breakdown };
}

/** "media 56, images 21, ..." (MB), largest first. */
export function describeBreakdown(breakdown: PageBreakdown): string {
  return Object.entries(breakdown)
    .sort((a, b) => b[1] - a[1])
    .map(([name, mb]) => `${name} ${mb.toFixed(0)}`)
    .join(', ');
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
