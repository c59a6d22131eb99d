// Where the data lives: Electron's userData folder, unless the user chose another one on the
// recovery page; that choice is remembered in `<userData>/data-folder.json`. Tests set
// VKZ_DATA_DIR (which becomes userData) and never remember a choice.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CHOICE_FILE = 'data-folder.json';

export function dataFolderChoice(userData: string, fixedByEnvironment: boolean) {
  const file = path.join(userData, CHOICE_FILE);
  return {
    current(): string {
      if (fixedByEnvironment) return userData;
      try {
        const chosen = (JSON.parse(readFileSync(file, 'utf8')) as { dataDir?: unknown }).dataDir;
        return typeof chosen === 'string' && path.isAbsolute(chosen) ? chosen : userData;
      } catch {
        return userData; // no choice made (or unreadable): the default folder
      }
    },
    remember(dataDir: string): void {
      if (fixedByEnvironment) return;
      try {
        writeFileSync(file, JSON.stringify({ dataDir }), 'utf8');
      } catch (error) {
        console.error('[main] cannot remember the data folder:', error);
      }
    },
  };
}
