import { describe, expect, it } from 'vitest';
import { WriteCoalescer } from './WriteCoalescer.js';

function fakeSocket(): { corks: number; uncorks: number; cork(): void; uncork(): void } {
  return {
    corks: 0,
    uncorks: 0,
    cork() {
      this.corks += 1;
    },
    uncork() {
      this.uncorks += 1;
    },
  };
}

describe('WriteCoalescer', () => {
  it('corks each socket once per turn and uncorks every held socket after the turn', async () => {
    const w = new WriteCoalescer();
    const a = fakeSocket();
    const b = fakeSocket();
    w.hold(a);
    w.hold(a);
    w.hold(b);
    expect([a.corks, b.corks]).toEqual([1, 1]);
    expect([a.uncorks, b.uncorks]).toEqual([0, 0]);
    await new Promise((r) => setImmediate(r));
    expect([a.uncorks, b.uncorks]).toEqual([1, 1]);
    // A new turn corks again.
    w.hold(a);
    expect(a.corks).toBe(2);
    await new Promise((r) => setImmediate(r));
    expect(a.uncorks).toBe(2);
  });
});
