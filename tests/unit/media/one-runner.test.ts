// ffmpeg and ffprobe start in one place only (ffmpeg-runner.ts), so every run has the same
// cancel, time and output limits, priority and logging. Other processes the app starts are
// listed here with what they are.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const OTHER_PROCESSES: Record<string, string> = {
  'electron/services/export/report-pdf.ts': 'the PDF tool of the report export',
  'electron/services/media/clip.ts': 'fc-match, to find a font for burnt-in time codes',
  'electron/services/media/running-ffmpeg.ts': "ps (macOS), to check a left-over ffmpeg's command line before stopping it",
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('one ffmpeg runner', () => {
  it('only ffmpeg-runner.ts starts ffmpeg or ffprobe', () => {
    const spawning = sources('electron').filter((file) => /from 'node:child_process'|require\('(node:)?child_process'\)/.test(readFileSync(file, 'utf8')));
    expect(spawning.sort()).toEqual(['electron/services/media/ffmpeg-runner.ts', ...Object.keys(OTHER_PROCESSES)].sort());
    for (const file of Object.keys(OTHER_PROCESSES)) {
      expect(readFileSync(file, 'utf8')).not.toMatch(/(execFile|spawn)\([^,]*(ffmpeg|ffprobe)/);
    }
  });
});
