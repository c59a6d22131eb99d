// What `ffmpeg -version` / `ffprobe -version` says about a build: its version, the year it was
// built (the end of its copyright range: ffmpeg writes the build's year there), the libavutil
// version (which only grows, so it orders builds of any naming scheme) and its licence (GPL
// when configured with --enable-gpl, v3 with --enable-version3, else LGPL). Pure.
export interface ToolVersion {
  /** As the build names itself: `5.1.9-0+deb12u1`, `N-47683-g0e8eb07980-static`. */
  version: string;
  /** The year the build was made, or null when the output doesn't say. */
  buildYear: number | null;
  /** libavutil major, minor, micro; [0, 0, 0] when missing. */
  libavutil: [number, number, number];
  licence: string;
}

export function parseToolVersion(output: string): ToolVersion {
  const first = output.split('\n', 1)[0] ?? '';
  const version = /^\S+ version (\S+)/.exec(first)?.[1] ?? 'unknown';
  const years = /Copyright \(c\) \d{4}-(\d{4})/.exec(first);
  const avutil = /libavutil\s+(\d+)\.\s*(\d+)\.\s*(\d+)/.exec(output);
  const configuration = /^configuration: (.*)$/m.exec(output)?.[1] ?? '';
  return {
    version,
    buildYear: years ? Number(years[1]) : null,
    libavutil: avutil ? [Number(avutil[1]), Number(avutil[2]), Number(avutil[3])] : [0, 0, 0],
    licence: licenceOf(configuration),
  };
}

function licenceOf(configuration: string): string {
  const v3 = configuration.includes('--enable-version3');
  if (configuration.includes('--enable-nonfree')) return 'nonfree (not redistributable)';
  if (configuration.includes('--enable-gpl')) return v3 ? 'GPL-3.0-or-later' : 'GPL-2.0-or-later';
  return v3 ? 'LGPL-3.0-or-later' : 'LGPL-2.1-or-later';
}

/** Positive when `a` is a newer build than `b`: by libavutil version, then by build year. */
export function compareToolVersions(a: ToolVersion, b: ToolVersion): number {
  for (let i = 0; i < 3; i++) {
    const diff = a.libavutil[i]! - b.libavutil[i]!;
    if (diff !== 0) return diff;
  }
  return (a.buildYear ?? 0) - (b.buildYear ?? 0);
}
