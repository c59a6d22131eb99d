// Where a program given by a bare name (`ffmpeg`) is found on PATH (with PATHEXT on Windows),
// the way the system finds it when it is started.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';

export function isExecutable(file: string): Promise<boolean> {
  return access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** The executable file `name` resolves to on PATH, or null. */
export async function findOnPath(name: string): Promise<string | null> {
  const extensions = process.platform === 'win32' ? ['', ...(process.env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';')] : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of extensions) {
      const candidate = path.join(dir, name + ext);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return null;
}
