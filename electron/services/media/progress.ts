// Reads ffmpeg's machine-readable progress (`-progress pipe:1`): blocks of key=value lines such as
//   frame=250
//   out_time_us=10000000
//   out_time_ms=10000000      (microseconds too, despite the name: an ffmpeg quirk kept for compat)
//   out_time=00:00:10.000000
//   progress=continue         (or progress=end after the last block)
// Older ffmpeg (the bundled 2018 build) writes out_time_ms and out_time only; before the first
// frame some versions write N/A or a negative time, which we skip.

/**
 * The fraction 0..1 of `durationSec` reached by the LAST time value in `text`, 1 when the text
 * contains `progress=end`, or null when it holds no usable value (or the duration is unknown).
 */
export function parseProgressChunk(text: string, durationSec: number): number | null {
  let latestSec: number | null = null;
  let ended = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const eq = rawLine.indexOf('=');
    if (eq <= 0) continue;
    const key = rawLine.slice(0, eq).trim();
    const value = rawLine.slice(eq + 1).trim();
    let seconds: number | null = null;
    if (key === 'out_time_us' || key === 'out_time_ms') seconds = parseMicroseconds(value);
    else if (key === 'out_time') seconds = parseClockTime(value);
    else if (key === 'progress' && value === 'end') ended = true;
    if (seconds !== null) latestSec = seconds;
  }
  if (ended) return 1;
  if (latestSec === null || !(durationSec > 0) || !Number.isFinite(durationSec)) return null;
  return Math.min(1, Math.max(0, latestSec / durationSec));
}

function parseMicroseconds(value: string): number | null {
  if (!/^\d+$/.test(value)) return null; // N/A, negative
  return Number(value) / 1_000_000;
}

/** "HH:MM:SS.micro" to seconds; null for N/A or a negative time. */
function parseClockTime(value: string): number | null {
  const match = /^(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(value);
  if (!match) return null;
  const [, h, m, s] = match;
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}
