// Finds working ffmpeg and ffprobe binaries. For each tool, in this order:
//   1. the user's setting (Settings.ffmpegPath / ffprobePath),
//   2. the environment variable VKZ_FFMPEG_PATH / VKZ_FFPROBE_PATH,
//   3. the binary bundled with the app: `<resourcesPath>/bin/ffmpeg[.exe]` in a packaged app
//      (electron-builder extraResources), else the `@ffmpeg-installer/ffmpeg` /
//      `@ffprobe-installer/ffprobe` package in development,
//   4. `ffmpeg` / `ffprobe` on PATH.
// Every candidate is run with `-version`. A setting or environment variable that answers as the
// right tool wins: the user chose it. Otherwise the NEWEST working build of the bundled ones and
// the one on PATH wins (binary-version.ts): the bundled npm build dates from 2018, and ffmpeg
// parses untrusted media, so a current system ffmpeg is the safer choice.
// Rule for a setting or environment variable that doesn't work: it is SKIPPED (not an error), and
// the result lists it under `skipped` so the settings screen can say "your ffmpeg path doesn't
// work, using the bundled one". Only when no candidate works do we throw MediaError 'no-ffmpeg',
// naming everything that was tried.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareToolVersions, parseToolVersion, type ToolVersion } from './binary-version';
import { MediaError } from './errors';
import { queryTool } from './ffmpeg-runner';
import type { RunningFfmpegLog } from './running-ffmpeg';
import type { BinaryVersionCache } from './binary-version-cache';
import { findOnPath } from './find-on-path';

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
  ffmpegVersion: ToolVersion;
  ffprobeVersion: ToolVersion;
  /** Candidates that were tried before the ones chosen and didn't work (absent when none). */
  skipped?: SkippedBinary[];
  /** Where a backend notes the ffmpeg processes it runs, so its next start can stop survivors. */
  running?: RunningFfmpegLog;
}

export interface LocateBinariesOptions {
  ffmpegSetting?: string;
  ffprobeSetting?: string;
  env?: NodeJS.ProcessEnv;
  /** Electron's process.resourcesPath in a packaged app; undefined in development. */
  resourcesPath?: string;
  /** Remembers what each binary answered to -version, so it needn't be run at every start. */
  versionCache?: BinaryVersionCache;
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
    findWorkingBinary('ffmpeg', binaryCandidates('ffmpeg', opts.ffmpegSetting, env, opts.resourcesPath), opts.versionCache),
    findWorkingBinary('ffprobe', binaryCandidates('ffprobe', opts.ffprobeSetting, env, opts.resourcesPath), opts.versionCache),
  ]);
  const skipped = [...ffmpeg.skipped, ...ffprobe.skipped];
  return {
    ffmpeg: ffmpeg.found.path,
    ffprobe: ffprobe.found.path,
    ffmpegSource: ffmpeg.found.source,
    ffprobeSource: ffprobe.found.source,
    ffmpegVersion: ffmpeg.version,
    ffprobeVersion: ffprobe.version,
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
  if (resourcesPath) {
    // bin/current: the current build the release workflow fetched; bin: the @ffmpeg-installer one.
    candidates.push({ source: 'bundled', path: path.join(resourcesPath, 'bin', 'current', exe) });
    candidates.push({ source: 'bundled', path: path.join(resourcesPath, 'bin', exe) });
  }
  const fromPackage = installerPackagePath(tool);
  if (fromPackage) candidates.push({ source: 'bundled', path: fromPackage });
  candidates.push({ source: 'path', path: tool });
  return candidates;
}

/**
 * Tries the user's candidates (setting, environment) in order: the first that answers `-version`
 * as `tool` wins. Otherwise the newest working one of the others wins.
 */
export async function findWorkingBinary(
  tool: Tool,
  candidates: BinaryCandidate[],
  cache?: BinaryVersionCache,
): Promise<{ found: BinaryCandidate; version: ToolVersion; skipped: SkippedBinary[] }> {
  const skipped: SkippedBinary[] = [];
  let newest: { found: BinaryCandidate; version: ToolVersion } | null = null;
  for (const candidate of candidates) {
    // The cache knows files: a bare name (PATH) is remembered as the file it resolves to now.
    const file = cache ? (path.isAbsolute(candidate.path) ? candidate.path : await findOnPath(candidate.path)) : null;
    let checked: ToolVersion | string | null = file ? cache!.get(tool, file) : null;
    if (!checked) {
      checked = await checkBinary(tool, candidate.path);
      if (file && typeof checked !== 'string') cache!.set(tool, file, checked);
    }
    if (typeof checked === 'string') {
      skipped.push({ tool, ...candidate, reason: checked });
      continue;
    }
    if (candidate.source === 'setting' || candidate.source === 'environment') return { found: candidate, version: checked, skipped };
    if (!newest || compareToolVersions(checked, newest.version) > 0) newest = { found: candidate, version: checked };
  }
  if (newest) return { ...newest, skipped };
  const tried = skipped.map((s) => `${s.source} ${s.path} (${s.reason})`).join('; ');
  throw new MediaError('no-ffmpeg', `No working ${tool} found. Tried: ${tried || 'nothing'}`, tried);
}

/** null when `binary -version` answers as `tool` within a time limit, else why not. */
export async function verifyBinary(tool: Tool, binary: string): Promise<string | null> {
  const checked = await checkBinary(tool, binary);
  return typeof checked === 'string' ? checked : null;
}

/** The build's version when `binary -version` answers as `tool` within a time limit, else why not. */
async function checkBinary(tool: Tool, binary: string): Promise<ToolVersion | string> {
  if (path.isAbsolute(binary) && !existsSync(binary)) return 'file does not exist';
  try {
    const result = await queryTool(binary, ['-version'], { timeoutMs: VERSION_TIMEOUT_MS });
    if (result.code !== 0) return `exited with code ${result.code ?? result.signal}`;
    if (!result.stdout.trimStart().startsWith(`${tool} version`)) return `does not identify itself as ${tool}`;
    return parseToolVersion(result.stdout.trimStart());
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
