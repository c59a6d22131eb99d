// <data>/frameworks is a folder anyone with access to the data folder can put files in. Whatever
// lies there (a named pipe, a device, a folder, a huge file, deeply nested JSON), loading the
// frameworks answers at once: the shipped frameworks stay, each bad file is named with why.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFrameworks } from '../../../electron/services/frameworks/load-frameworks';

const shipped = path.resolve(__dirname, '../../../resources/frameworks');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-frameworks-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('framework files from the data folder', () => {
  it.skipIf(process.platform === 'win32')('a named pipe, a device, a folder, a huge file and deep nesting are refused by name; the shipped ones stay', async () => {
    const user = path.join(tmp, 'frameworks');
    mkdirSync(user);
    execFileSync('mkfifo', [path.join(user, 'pijp.json')]); // reading it would wait forever
    symlinkSync('/dev/zero', path.join(user, 'nul.json')); // reading it would fill the memory
    mkdirSync(path.join(user, 'map.json'));
    writeFileSync(path.join(user, 'groot.json'), `{"id":"groot","pad":"${'x'.repeat(3 * 1024 * 1024)}"}`);
    writeFileSync(path.join(user, 'diep.json'), '['.repeat(200_000) + ']'.repeat(200_000));

    const alone = await loadFrameworks(shipped, path.join(tmp, 'leeg'));
    const loaded = await loadFrameworks(shipped, user);
    expect(loaded.frameworks.map((f) => f.id).sort()).toEqual(alone.frameworks.map((f) => f.id).sort());
    const why = Object.fromEntries(loaded.errors.map((e) => [path.basename(e.source), e.message]));
    expect(Object.keys(why).sort()).toEqual(['diep.json', 'groot.json', 'map.json', 'nul.json', 'pijp.json']);
    expect(why['pijp.json']).toMatch(/not a regular file/);
    expect(why['nul.json']).toMatch(/not a regular file/);
    expect(why['map.json']).toMatch(/not a regular file/);
    expect(why['groot.json']).toMatch(/larger than/);
  });
});
