// The command line the ffmpeg runner logs: short enough to read, without the folders of the
// user's files (they name clients), on one line.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shortCommandLine } from '../../../electron/services/media/ffmpeg-runner';

describe('shortCommandLine', () => {
  it('names the tool and the files, not their folders', () => {
    const line = shortCommandLine('/opt/ffmpeg/bin/ffmpeg', ['-nostdin', '-i', '/home/anna/Cliënt Jansen/gesprek 1.mp4', '-vf', 'scale=-2:90', '/data/cache/x/thumbs.part/%05d.jpg']);
    expect(line).toBe(`ffmpeg -nostdin -i …${path.sep}gesprek 1.mp4 -vf scale=-2:90 …${path.sep}%05d.jpg`);
    expect(line).not.toContain('Jansen');
  });

  it('stays one line of at most 300 characters', () => {
    const line = shortCommandLine('ffmpeg', ['-filter_complex', 'x'.repeat(5000), 'a\nb']);
    expect(line.length).toBeLessThanOrEqual(300);
    expect(line).not.toContain('\n');
  });
});
