// Finds working ffmpeg and ffprobe binaries. For each tool, in this order:
//   1. the user's setting (Settings.ffmpegPath / ffprobePath),
//   2. the environment variable VKZ_FFMPEG_PATH / VKZ_FFPROBE_PATH,
//   3. the binary bundled with the app: `<resourcesPath>/bin/ffmpeg[.exe]` in a packaged app
//      (electron-builder extraResources), else the `@ffmpeg-installer/ffmpeg` /
//      `@ffprobe-installer/ffprobe` package in development,
//   4. `ffmpeg` / `ffprobe` on PATH.
// Every candidate is run with `-version`; the first that answers as the right tool wins.
// Rule for a setting or environment variable that doesn't work: it is SKIPPED (not an error), and
// the result lists it under `skipped` so the settings screen can say "your ffmpeg path doesn't
// work, using the bundled one". Only when no candidate works do we throw MediaError 'no-ffmpeg',
// naming everything that was tried.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MediaError } from './errors';
import { runProcess } from './run-process';

export type BinarySource = 'setting' | 'environment' | 'bundled' | 'path';

export interface SkippedBinary {
  tool: 'ffmpeg' | 'ffprobe';
  source: BinarySource;
  path: string;
  reason: string;
}

export interface MediaBinaries {
  ffmpeg: string;
  ffprobe: string;
  ffmpegSource: BinarySource;
  ffprobeSource: BinarySource;
  /** Candidates that were tried before the ones chosen and didn't work (absent when none). */
  skipped?: SkippedBinary[];
}

export interface LocateBinariesOptions {
  ffmpegSetting?: string;
  ffprobeSetting?: string;
  env?: NodeJS.ProcessEnv;
  /** Electron's process.resourcesPath in a packaged app; undefined in development. */
  resourcesPath?: string;
}

export type MediaTool = 'ffmpeg' | 'ffprobe';
type Tool = MediaTool;

export interface BinaryCandidate {
  source: BinarySource;
  path: string;
}

/** Generous for a "short" check: a virus scanner may hold up the first start of a 70 MB binary. */
const VERSION_TIMEOUT_MS = 10_000;

const ENV_VARS: Record<Tool, string> = { ffmpeg: 'VKZ_FFMPEG_PATH', ffprobe: 'VKZ_FFPROBE_PATH' };
const INSTALLER_PACKAGES: Record<Tool, string> = {
  ffmpeg: '@ffmpeg-installer/ffmpeg',
  ffprobe: '@ffprobe-installer/ffprobe',
};

export async function locateBinaries(opts: LocateBinariesOptions): Promise<MediaBinaries> {
  const env = opts.env ?? process.env;
  const [ffmpeg, ffprobe] = await Promise.all([
    locateTool('ffmpeg', opts.ffmpegSetting, env, opts.resourcesPath),
    locateTool('ffprobe', opts.ffprobeSetting, env, opts.resourcesPath),
  ]);
  const skipped = [...ffmpeg.skipped, ...ffprobe.skipped];
  return {
    ffmpeg: ffmpeg.found.path,
    ffprobe: ffprobe.found.path,
    ffmpegSource: ffmpeg.found.source,
    ffprobeSource: ffprobe.found.source,
    ...(skipped.length ? { skipped } : {}),
  };
}

/** The candidates for one tool, in the order they are tried (pure apart from resolving packages). */
export function binaryCandidates(
  tool: Tool,
  setting: string | undefined,
  env: NodeJS.ProcessEnv,
  resourcesPath: string | undefined,
): BinaryCandidate[] {
  const exe = process.platform === 'win32' ? `${tool}.exe` : tool;
  const candidates: BinaryCandidate[] = [];
  if (setting?.trim()) candidates.push({ source: 'setting', path: setting.trim() });
  const fromEnv = env[ENV_VARS[tool]]?.trim();
  if (fromEnv) candidates.push({ source: 'environment', path: fromEnv });
  if (resourcesPath) candidates.push({ source: 'bundled', path: path.join(resourcesPath, 'bin', exe) });
  const fromPackage = installerPackagePath(tool);
  if (fromPackage) candidates.push({ source: 'bundled', path: fromPackage });
  candidates.push({ source: 'path', path: tool });
  return candidates;
}

function locateTool(
  tool: Tool,
  setting: string | undefined,
  env: NodeJS.ProcessEnv,
  resourcesPath: string | undefined,
): Promise<{ found: BinaryCandidate; skipped: SkippedBinary[] }> {
  return findWorkingBinary(tool, binaryCandidates(tool, setting, env, resourcesPath));
}

/** Tries candidates in order; the first that answers `-version` as `tool` wins. */
export async function findWorkingBinary(
  tool: Tool,
  candidates: BinaryCandidate[],
): Promise<{ found: BinaryCandidate; skipped: SkippedBinary[] }> {
  const skipped: SkippedBinary[] = [];
  for (const candidate of candidates) {
    const problem = await verifyBinary(tool, candidate.path);
    if (problem === null) return { found: candidate, skipped };
    skipped.push({ tool, ...candidate, reason: problem });
  }
  const tried = skipped.map((s) => `${s.source} ${s.path} (${s.reason})`).join('; ');
  throw new MediaError('no-ffmpeg', `No working ${tool} found. Tried: ${tried || 'nothing'}`, tried);
}

/** null when `binary -version` answers as `tool` within a time limit, else why not. */
export async function verifyBinary(tool: Tool, binary: string): Promise<string | null> {
  if (path.isAbsolute(binary) && !existsSync(binary)) return 'file does not exist';
  try {
    const result = await runProcess(binary, ['-version'], { timeoutMs: VERSION_TIMEOUT_MS });
    if (result.code !== 0) return `exited with code ${result.code ?? result.signal}`;
    if (!result.stdout.trimStart().startsWith(`${tool} version`)) return `does not identify itself as ${tool}`;
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'not found';
    if (code === 'EACCES') return 'not executable';
    return error instanceof Error ? error.message : String(error);
  }
}

/** The binary path exported by the @ffmpeg-installer / @ffprobe-installer package, or null. */
function installerPackagePath(tool: Tool): string | null {
  try {
    const required = moduleRequire()(INSTALLER_PACKAGES[tool]) as { path?: unknown };
    if (typeof required.path !== 'string') return null;
    // Inside a packaged app the package sits in app.asar, which can't be executed; electron-builder
    // puts unpacked copies next to it.
    return required.path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  } catch {
    return null; // package absent, or no binary for this platform (the package throws)
  }
}

function moduleRequire(): NodeJS.Require {
  // ESM (vitest, the test host bundle) has import.meta.url; the CommonJS main-process bundle has
  // __filename instead. Fall back to the working directory so resolution still finds node_modules.
  const base =
    (typeof import.meta !== 'undefined' && import.meta.url) ||
    (typeof __filename === 'string' ? pathToFileURL(__filename).href : pathToFileURL(path.join(process.cwd(), 'x')).href);
  return createRequire(base);
}
