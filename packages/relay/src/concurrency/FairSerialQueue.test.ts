import { describe, expect, it } from 'vitest';
import { FairSerialQueue } from './FairSerialQueue.js';

describe('FairSerialQueue', () => {
  it('HOSTILE-3: R66, one task at a time, in order per key, taking turns between keys: a backlog of one key delays another by one task per turn', async () => {
    const q = new FairSerialQueue();
    const order: string[] = [];
    let running = 0;
    const task =
      (name: string, fail = false) =>
      async (): Promise<string> => {
        running += 1;
        expect(running).toBe(1);
        await new Promise((r) => setTimeout(r, 1));
        order.push(name);
        running -= 1;
        if (fail) throw new Error(name);
        return name;
      };
    const flood = Array.from({ length: 50 }, (_, i) => q.run('a', task(`a${i}`, i === 1)));
    const settled = Promise.allSettled(flood);
    const other = q.run('b', task('b0'));
    const later = q.run('b', task('b1'));
    expect(await other).toBe('b0');
    expect((await settled)[1]).toMatchObject({ status: 'rejected' });
    await later;
    // When b0 arrived, a0 was running and a's turn came first: b0 waits for those two only,
    // b1 for one more of a's, not for a's 48 others.
    expect(order.indexOf('b0')).toBeLessThanOrEqual(2);
    expect(order.indexOf('b1')).toBeLessThanOrEqual(4);
    expect(order.filter((n) => n.startsWith('a'))).toEqual(Array.from({ length: 50 }, (_, i) => `a${i}`));
    await q.idle();
    expect(q.pending).toBe(0);
  });
});
