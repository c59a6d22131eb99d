// Frameworks (question sets) are data: the ones shipped in resources/frameworks and any the
// user adds or edits in <dataDir>/frameworks. A user file with the same id replaces the shipped one.
import { constants } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseFramework, type Framework } from '../../../shared/framework';

export interface LoadedFrameworks {
  frameworks: Framework[];
  errors: { source: string; message: string }[];
}

/** A framework is a few tens of kilobytes; anything this big is not one. */
const MAX_FRAMEWORK_BYTES = 1024 * 1024;

/**
 * The text of a framework file, or an error naming why not. Opened without waiting (a named
 * pipe would block the open) and checked on the open handle: only a regular file of a
 * framework's size is read, never a pipe, a device or a folder.
 */
async function readFrameworkFile(source: string): Promise<string> {
  const handle = await open(source, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`${source} is not a regular file`);
    if (info.size > MAX_FRAMEWORK_BYTES) throw new Error(`${source} is larger than ${MAX_FRAMEWORK_BYTES} bytes: not a framework`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

async function readFolder(folder: string, into: Map<string, Framework>, errors: LoadedFrameworks['errors']) {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return; // a missing folder just means: no frameworks there
  }
  for (const name of names) {
    const source = path.join(folder, name);
    try {
      const framework = parseFramework(JSON.parse(await readFrameworkFile(source)), source);
      into.set(framework.id, framework);
    } catch (error) {
      errors.push({ source, message: error instanceof Error ? error.message : String(error) });
    }
  }
}

export async function loadFrameworks(shippedFolder: string, userFolder: string): Promise<LoadedFrameworks> {
  const byId = new Map<string, Framework>();
  const errors: LoadedFrameworks['errors'] = [];
  await readFolder(shippedFolder, byId, errors);
  await readFolder(userFolder, byId, errors);
  return { frameworks: [...byId.values()], errors };
}
