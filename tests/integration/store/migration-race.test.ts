// Two processes open the same new data folder at the same moment (as two app instances did
// before the folder lock): each migration reads and bumps the schema version inside one
// IMMEDIATE transaction, so the second sees the first's work instead of running it again
// ("table cycle_methods already exists").
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/services/store';

let dir: string;
let opener: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vkz-migration-race-'));
  // The store as a plain CommonJS file a child process can run (better-sqlite3 from node_modules).
  opener = path.join(dir, 'open-store.cjs');
  await build({
    stdin: {
      contents: `
        const { openStore } = require(${JSON.stringify(path.resolve('electron/services/store/index.ts'))});
        const [dataDir, go] = process.argv.slice(2);
        const fs = require('fs');
        const pause = new Int32Array(new SharedArrayBuffer(4));
        while (!fs.existsSync(go)) Atomics.wait(pause, 0, 0, 2); // start together (within ~2 ms)
        try { const s = openStore(dataDir); console.log('ok ' + s.schemaVersion); s.close(); }
        catch (e) { console.log('error ' + e.message); process.exitCode = 1; }`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    outfile: opener,
    logLevel: 'silent',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(dataDir: string, go: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [opener, dataDir, go], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('migrations under a race', () => {
  it('four processes migrating one new database at once all succeed, each migration applied once', async () => {
    for (let round = 0; round < 5; round++) {
      const dataDir = path.join(dir, `data-${round}`);
      const go = path.join(dir, `go-${round}`);
      const runs = Array.from({ length: 4 }, () => run(dataDir, go));
      await new Promise((resolve) => setTimeout(resolve, 300));
      writeFileSync(go, '');
      const results = await Promise.all(runs);
      for (const result of results) expect(result.out.trim()).toBe(`ok ${LATEST_SCHEMA_VERSION}`);
      const db = new Database(path.join(dataDir, 'vkz.sqlite'), { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
  }, 120_000);
});
