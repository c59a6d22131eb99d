// Frameworks (question sets) are data: the ones shipped in resources/frameworks and any the
// user adds or edits in <dataDir>/frameworks. A user file with the same id replaces the shipped one.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFramework, type Framework } from '../../../shared/framework';

export interface LoadedFrameworks {
  frameworks: Framework[];
  errors: { source: string; message: string }[];
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
      const framework = parseFramework(JSON.parse(await readFile(source, 'utf8')), source);
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
