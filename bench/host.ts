// Starts the built test host (out/host/host.js) on a data folder and talks to it over HTTP, as
// the page does: the same backend, SQLite and ffmpeg as the app.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Channel, RequestOf, ResponseOf } from '../shared/contract';

export interface BenchHost {
  url: string;
  /** The backend's process id (resident memory is read from it). */
  pid: number;
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  queueDialog(paths: string[]): Promise<void>;
  queueSaveDialog(path: string | null): Promise<void>;
  idle(): Promise<void>;
  /** The backend's process.memoryUsage() after a full garbage collection, bytes. */
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

export async function startHost(dataDir: string): Promise<BenchHost> {
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', 'out/host/host.js'], {
    env: { ...process.env, VKZ_DATA_DIR: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(buffer);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`test host exited with ${code}`)));
  });
  const post = async (route: string, body: unknown) => {
    const response = await fetch(new URL(route, url), { method: 'POST', body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${route}: HTTP ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid: child.pid!,
    async invoke(channel, request) {
      const result = (await post(`/api/invoke/${channel}`, request)) as { ok: boolean; value?: unknown; error?: unknown };
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    queueDialog: async (paths) => void (await post('/__test/dialog', { paths })),
    queueSaveDialog: async (path) => void (await post('/__test/save-dialog', { path })),
    // Waits for the backend's background jobs. Long ones (a 2-hour timeline on a busy machine)
    // outlast the HTTP server's 5-minute request timeout: then ask again.
    async idle() {
      for (let attempt = 1; ; attempt++) {
        try {
          await post('/__test/idle', {});
          return;
        } catch (error) {
          if (attempt >= 12 || child.exitCode !== null) throw error;
        }
      }
    },
    async memory() {
      const response = await fetch(new URL('/__test/memory', url));
      if (!response.ok) throw new Error(`/__test/memory: HTTP ${response.status}`);
      return (await response.json()) as NodeJS.MemoryUsage;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
