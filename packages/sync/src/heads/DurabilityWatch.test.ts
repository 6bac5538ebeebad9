import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrameError } from '@trame/protocol';
import { DurabilityWatch } from './DurabilityWatch.js';
import type { DocumentHeads } from './HeadStore.js';
import { MemoryHeadStore } from './MemoryHeadStore.js';

let heads: DocumentHeads | null;
let reported: TrameError[];
let store: MemoryHeadStore;

function watch(): DurabilityWatch {
  return new DurabilityWatch({
    headStore: store,
    durableKey: 'doc',
    seenKey: 'doc:seen',
    boundMs: 10_000,
    heads: () => heads,
    report: (e) => reported.push(e),
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  heads = { snapshotId: '00', height: 0, clocks: { a: 2 } };
  reported = [];
  store = new MemoryHeadStore();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('DurabilityWatch', () => {
  it('R56: a forwarded frame without DURABLE within the bound is DURABLE_MISSING, reported once', () => {
    const w = watch();
    w.forwarded();
    w.forwarded();
    vi.advanceTimersByTime(9_999);
    expect(reported).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reported.map((e) => e.code)).toEqual(['DURABLE_MISSING']);
  });

  it('R56: DURABLE within the bound reports nothing', () => {
    const w = watch();
    w.forwarded();
    vi.advanceTimersByTime(5_000);
    w.durableSeen();
    vi.advanceTimersByTime(20_000);
    expect(reported).toEqual([]);
  });

  it('R55/R42: a forwarded frame is recorded as seen only; DURABLE records the durable heads', () => {
    const w = watch();
    w.forwarded();
    expect(w.seen).toEqual(heads);
    expect(w.durable).toBeUndefined();
    w.saveDurable();
    expect(w.durable).toEqual(heads);
  });

  it('R42: a client holding nothing records nothing', () => {
    heads = null;
    const w = watch();
    w.saveSeen();
    w.saveDurable();
    expect(w.seen).toBeUndefined();
    expect(w.durable).toBeUndefined();
  });
});
