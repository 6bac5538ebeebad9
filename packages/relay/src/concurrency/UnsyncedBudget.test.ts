import { describe, expect, it } from 'vitest';
import { UnsyncedBudget } from './UnsyncedBudget.js';

describe('UnsyncedBudget', () => {
  it('HOSTILE-3: R66, a space at its unsynced budget waits for its own syncs; other spaces do not', async () => {
    const budget = new UnsyncedBudget(100);
    let sync!: () => void;
    const durable = new Promise<void>((r) => (sync = r));
    budget.add('a', 60, durable);
    await budget.wait('a');
    budget.add('a', 60, durable);
    expect(budget.pending('a')).toBe(120);
    let passed = false;
    const waiting = budget.wait('a').then(() => (passed = true));
    await budget.wait('b');
    await new Promise((r) => setTimeout(r, 5));
    expect(passed).toBe(false);
    sync();
    await waiting;
    expect(budget.pending('a')).toBe(0);
    // A failed sync frees the budget too (the write was refused as unavailable).
    budget.add('a', 200, Promise.reject(new Error('EIO')));
    await new Promise((r) => setTimeout(r, 0));
    await budget.wait('a');
  });
});
