// A Chromium of its own for the memory benchmark, driven over the DevTools pipe with only the
// domains the benchmark asks for. Why not Playwright: Playwright enables the Network domain on
// every page, and Chromium's DevTools network agent then keeps a copy of every response body in
// the page's renderer (up to some 200 MB: every media range the player fetched, every workspace
// answer). That is the debugger's memory, not the app's; the Electron app has no debugger attached.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  sessionId?: string;
  result?: unknown;
  error?: { message: string };
}

export class BareChromium {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Set<(message: Message) => void>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly profileDir: string,
  ) {
    let buffer = '';
    // Chromium reads commands from fd 3 and writes answers and events to fd 4, each ending in NUL.
    (child.stdio[4] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
        const message = JSON.parse(buffer.slice(0, end)) as Message;
        buffer = buffer.slice(end + 1);
        const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
        if (waiting) {
          this.pending.delete(message.id!);
          if (message.error) waiting.reject(new Error(message.error.message));
          else waiting.resolve(message.result);
        } else {
          for (const listener of this.listeners) listener(message);
        }
      }
    });
    child.once('exit', () => {
      for (const waiting of this.pending.values()) waiting.reject(new Error('Chromium exited'));
      this.pending.clear();
    });
  }

  /** The same Chromium and flags as the browser tests, headless, with a fresh profile. */
  static launch(): BareChromium {
    const options = chromiumLaunchOptions();
    const profileDir = mkdtempSync(path.join(os.tmpdir(), 'vkz-bench-chromium-'));
    const child = spawn(
      options.executablePath ?? 'chromium',
      [...(options.args ?? []), '--headless', '--remote-debugging-pipe', `--user-data-dir=${profileDir}`, 'about:blank'],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    return new BareChromium(child, profileDir);
  }

  /** The browser process (Chromium's other processes are its descendants). */
  get pid(): number {
    return this.child.pid!;
  }

  send(method: string, params: object = {}, sessionId?: string): Promise<any> {
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    (this.child.stdio[3] as NodeJS.WritableStream).write(`${message}\0`);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  on(listener: (message: Message) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Records a trace of `categories` while `during` runs (and, with memory-infra, one detailed
   * memory dump of every process after it): the trace events.
   */
  async trace(categories: string[], during: () => Promise<void>, memoryDump = false): Promise<TraceEvent[]> {
    const events: TraceEvent[] = [];
    let complete!: () => void;
    const completed = new Promise<void>((resolve) => (complete = resolve));
    const off = this.on((message) => {
      if (message.method === 'Tracing.dataCollected') events.push(...(message.params!.value as TraceEvent[]));
      if (message.method === 'Tracing.tracingComplete') complete();
    });
    try {
      await this.send('Tracing.start', {
        traceConfig: { includedCategories: categories, excludedCategories: ['*'], ...(memoryDump ? { memoryDumpConfig: { triggers: [] } } : {}) },
        transferMode: 'ReportEvents',
      });
      await during();
      if (memoryDump) await this.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed', deterministic: true });
      await this.send('Tracing.end');
      await completed;
    } finally {
      off();
    }
    return events;
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => (this.child.exitCode !== null ? resolve(null) : this.child.once('exit', resolve)));
    await this.send('Browser.close').catch(() => this.child.kill());
    await exited;
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  args?: { dumps?: { allocators?: Record<string, { attrs: Record<string, { value: string }> }> } };
}

/** One tab: Runtime only (no Network, no Page events), 1280×720 CSS pixels at scale 1. */
export class BarePage {
  private constructor(
    readonly browser: BareChromium,
    private readonly sessionId: string,
  ) {}

  static async open(browser: BareChromium, url: string): Promise<BarePage> {
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new BarePage(browser, sessionId);
    await page.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 720, deviceScaleFactor: 1, mobile: false });
    await page.goto(url);
    return page;
  }

  send(method: string, params: object = {}): Promise<any> {
    return this.browser.send(method, params, this.sessionId);
  }

  async goto(url: string): Promise<void> {
    await this.send('Page.navigate', { url });
    await this.waitFor(() => document.readyState === 'complete');
  }

  /** Runs `fn(arg)` in the page (as Playwright's page.evaluate: `fn` must not use its closure). */
  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const answer = await this.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
      awaitPromise: true,
      returnByValue: true,
      userGesture: true,
    });
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
    return answer.result.value as R;
  }

  /** Until `fn(arg)` is true in the page (polled every 100 ms). */
  async waitFor<A>(fn: (arg: A) => boolean, arg?: A, timeoutMs = 60_000): Promise<void> {
    const started = Date.now();
    while (!(await this.evaluate(fn, arg).catch(() => false))) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${fn.toString().slice(0, 120)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A key press as the user's keyboard sends it (a printable key with its text). */
  async press(key: string): Promise<void> {
    const text = key.length === 1 ? key : undefined;
    await this.send('Input.dispatchKeyEvent', { type: text ? 'keyDown' : 'rawKeyDown', key, ...(text ? { text } : {}) });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', key });
  }

  /** The id of the renderer process this page runs in (from a mark the page leaves in a trace). */
  async rendererPid(): Promise<number> {
    const events = await this.browser.trace(['blink.user_timing'], () =>
      this.evaluate(() => {
        performance.mark('vkz-which-process');
        performance.clearMarks('vkz-which-process');
      }),
    );
    const pid = events.find((e) => e.name === 'vkz-which-process')?.pid;
    if (pid === undefined) throw new Error('could not tell which process runs the page');
    return pid;
  }
}
