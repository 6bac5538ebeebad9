import { describe, expect, it } from 'vitest';
import { KeyedSerialQueue } from './KeyedSerialQueue.js';

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('KeyedSerialQueue', () => {
  it('R29: runs tasks of one key one at a time in order, other keys concurrently, and survives failures', async () => {
    const q = new KeyedSerialQueue();
    const events: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        events.push(`start ${name}`);
        await tick(ms);
        events.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      q.run('doc', task('a1', 20, true)),
      q.run('doc', task('a2', 1)),
      q.run('other', task('b1', 1)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(events.indexOf('start a2')).toBeGreaterThan(events.indexOf('end a1'));
    expect(events.indexOf('end b1')).toBeLessThan(events.indexOf('end a1'));
    await q.idle();
    expect(q.size).toBe(0);
  });
});
