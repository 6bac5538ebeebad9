import { describe, expect, it } from 'vitest';
import { EphemeralBudgets } from './EphemeralBudgets.js';

const limits = { ephemeralPerSecond: 2, ephemeralBurst: 3, ephemeralBytesPerSecond: 100, ephemeralBytesBurst: 250 };

describe('R63 awareness budgets', () => {
  it('R63: frames and bytes per identity and document, shared by its connections, refilled over time', () => {
    let t = 0;
    const b = new EphemeralBudgets(limits, () => t);
    b.acquire('k');
    b.acquire('k');
    expect([b.take('k', 10), b.take('k', 10), b.take('k', 10), b.take('k', 10)]).toEqual([true, true, true, false]);
    t += 500;
    expect(b.take('k', 10)).toBe(true);
    t += 10_000;
    expect(b.take('k', 251)).toBe(false);
    expect(b.take('k', 200)).toBe(true);
    expect(b.take('k', 100)).toBe(false);
    b.release('k');
    expect(b.size()).toBe(1);
    b.release('k');
    expect(b.size()).toBe(0);
    expect(b.take('k', 1)).toBe(false);
  });
});
