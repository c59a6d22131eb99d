import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseTimelineFileRoute,
  recordingCacheDir,
  resolveCachedFile,
} from '../../../electron/services/media/media-cache';
import { toTimelineData, type TimelineStatus } from '../../../electron/services/media/timeline-service';

const id = '3f1c2a9e-5b7d-4c1e-9a2b-0c3d4e5f6a7b';
const dataDir = path.resolve('/data/vkz');

describe('media cache paths', () => {
  it('keeps a recording\'s data in <dataDir>/cache/<id>', () => {
    expect(recordingCacheDir(dataDir, id)).toBe(path.join(dataDir, 'cache', id));
    expect(() => recordingCacheDir(dataDir, '../etc')).toThrow();
    expect(() => recordingCacheDir(dataDir, '')).toThrow();
  });

  it('accepts exactly the waveform and 5-digit thumbnail routes', () => {
    expect(parseTimelineFileRoute(`/media/${id}/waveform.bin`)).toEqual({ recordingId: id, file: 'waveform.bin' });
    expect(parseTimelineFileRoute(`/media/${id}/thumbs/00042.jpg`)).toEqual({ recordingId: id, file: 'thumbs/00042.jpg' });
    expect(parseTimelineFileRoute(`/media/${id.toUpperCase()}/waveform.bin`)).toEqual({ recordingId: id, file: 'waveform.bin' });
    for (const bad of [
      `/media/${id}`,
      `/media/${id}/`,
      `/media/${id}/timeline.json`,
      `/media/${id}/keyframes.json`,
      `/media/${id}/thumbs/42.jpg`,
      `/media/${id}/thumbs/000042.jpg`,
      `/media/${id}/thumbs/00042.png`,
      `/media/${id}/thumbs/%2e%2e/waveform.bin`,
      `/media/${id}/thumbs/..%2Fwaveform.bin`,
      `/media/${id}/waveform.bin/`,
      `/media/${id}/waveform.bin%00`,
      `/media/${id}/../${id}/waveform.bin`,
      `/media/------------------------------------/waveform.bin`,
      `/media/x${id.slice(1)}/waveform.bin`,
      `/other/${id}/waveform.bin`,
    ]) {
      expect(parseTimelineFileRoute(bad), bad).toBeNull();
    }
  });

  it('resolves only servable names, only inside the recording\'s folder', () => {
    expect(resolveCachedFile(dataDir, id, 'waveform.bin')).toBe(path.join(dataDir, 'cache', id, 'waveform.bin'));
    expect(resolveCachedFile(dataDir, id, 'thumbs/00001.jpg')).toBe(path.join(dataDir, 'cache', id, 'thumbs', '00001.jpg'));
    for (const bad of ['timeline.json', '../waveform.bin', 'thumbs/../../x', 'thumbs/1.jpg', '/etc/passwd', 'thumbs\\00001.jpg', '']) {
      expect(resolveCachedFile(dataDir, id, bad), bad).toBeNull();
    }
    expect(resolveCachedFile(dataDir, '../../etc', 'waveform.bin')).toBeNull();
  });
});

describe('toTimelineData', () => {
  const done: TimelineStatus = {
    state: 'done',
    progress: 1,
    error: null,
    keyframeIntervalSec: 10,
    manifest: {
      formatVersion: 1,
      createdAt: 1700000000000,
      waveform: { bucketsPerSec: 100, count: 6000 },
      thumbnails: { intervalSec: 2, count: 3 },
      problems: [],
    },
  };

  it('gives versioned URLs of the cached files and the time of each thumbnail', () => {
    expect(toTimelineData(id, done)).toEqual({
      state: 'done',
      progress: 1,
      error: null,
      keyframeIntervalSec: 10,
      waveform: { url: `/media/${id}/waveform.bin?v=1700000000000`, bucketsPerSec: 100 },
      thumbnails: [
        { timeSec: 0, url: `/media/${id}/thumbs/00001.jpg?v=1700000000000` },
        { timeSec: 2, url: `/media/${id}/thumbs/00002.jpg?v=1700000000000` },
        { timeSec: 4, url: `/media/${id}/thumbs/00003.jpg?v=1700000000000` },
      ],
    });
    for (const url of [toTimelineData(id, done).waveform!.url, ...toTimelineData(id, done).thumbnails.map((t) => t.url)]) {
      expect(parseTimelineFileRoute(new URL(url, 'http://x').pathname)).not.toBeNull();
    }
  });

  it('gives no files until done', () => {
    const running = toTimelineData(id, { ...done, state: 'running', progress: 0.4 });
    expect(running).toMatchObject({ state: 'running', progress: 0.4, waveform: null, thumbnails: [] });
  });
});
