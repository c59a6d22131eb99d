// The backend's write gate (write-gate.ts): while an import's merge holds the write lock,
// requests that write wait (asynchronously) and the holder hears of them; reads go on.
import { describe, expect, it } from 'vitest';
import { WriteGate } from '../../../electron/services/backend/write-gate';
import { CHANNEL_ACCESS } from '../../../shared/channel-access';
import { channels, type Channel } from '../../../shared/contract';

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteGate', () => {
  it('lets everything through while nothing is held', async () => {
    const gate = new WriteGate();
    let passed = 0;
    await gate.pass('notes.create').then(() => passed++);
    await gate.pass('exchange.progress').then(() => passed++);
    expect(passed).toBe(2);
  });

  it('holds writes back until released, tells the holder, and lets reads, progress and cancel through', async () => {
    const gate = new WriteGate();
    let told = 0;
    const release = gate.hold(() => told++);
    const order: string[] = [];
    const save = gate.pass('notes.create').then(() => order.push('notes.create'));
    const drop = gate.writesMayGo().then(() => order.push('drop'));
    await gate.pass('exchange.progress').then(() => order.push('exchange.progress'));
    await gate.pass('exchange.cancel').then(() => order.push('exchange.cancel'));
    await gate.pass('trajectories.list').then(() => order.push('trajectories.list'));
    await settled();
    expect(order).toEqual(['exchange.progress', 'exchange.cancel', 'trajectories.list']);
    expect(told).toBe(2);
    release();
    await Promise.all([save, drop]);
    expect(order.slice(3)).toEqual(['notes.create', 'drop']);
  });

  it('stays held until every holder released, once each', async () => {
    const gate = new WriteGate();
    const first = gate.hold();
    const second = gate.hold();
    let passed = false;
    const save = gate.pass('notes.update').then(() => (passed = true));
    first();
    first(); // a second call changes nothing
    await settled();
    expect(passed).toBe(false);
    second();
    await save;
    expect(passed).toBe(true);
  });

  it('the pages’ pure reads and the cancels pass while held and do not make the merge give way', async () => {
    const gate = new WriteGate();
    let told = 0;
    const release = gate.hold(() => told++);
    const reads: Channel[] = ['workspace.get', 'cycle.header', 'report.preview', 'review.playlist', 'reviewPackage.plan', 'clips.cancel', 'media.cancelTimeline'];
    for (const channel of reads) await gate.pass(channel);
    expect(told).toBe(0);
    release();
  });
});

describe('which channels write', () => {
  it('every channel of the contract says whether it writes, and nothing else is listed', () => {
    expect(Object.keys(CHANNEL_ACCESS).sort()).toEqual([...channels].sort());
    for (const channel of channels) expect(['reads', 'writes']).toContain(CHANNEL_ACCESS[channel]);
  });

  it('what saves the user’s work is a write', () => {
    for (const channel of ['notes.create', 'notes.update', 'fragments.update', 'method.update', 'recordings.relocate', 'exchange.importArchive', 'exchange.exportArchive'] as const) {
      expect(CHANNEL_ACCESS[channel]).toBe('writes');
    }
  });
});
