import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_POLICY, toHex } from '@trame/protocol';
import type { VersionStamp } from './HistoryStore.js';
import { planVersionStore } from './planVersionStore.js';
import { thinVersions } from './thinVersions.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
let n = 0;
function stamp(storedAt: number, named = false, size = 100): VersionStamp {
  n += 1;
  const versionId = new Uint8Array(16);
  new DataView(versionId.buffer).setUint32(12, n);
  return { versionId, storedAt, size, named };
}
const ids = (s: VersionStamp[]) => s.map((v) => toHex(v.versionId)).sort();

describe('R112: thinning by the retention policy', () => {
  const now = 100 * DAY;

  it('HISTORY-3: keeps everything of the last day, the newest of each older hour, day and week, and every named version', () => {
    const recent = [stamp(now - 10 * MIN), stamp(now - 5 * HOUR), stamp(now - 23 * HOUR)];
    // Two days ago, three versions in one hour: the newest survives.
    const base = now - 2 * DAY - (now % HOUR);
    const hourA = [stamp(base + 1 * MIN), stamp(base + 20 * MIN), stamp(base + 50 * MIN)];
    // Twenty days ago, three in one day (different hours): the newest survives.
    const dayBase = now - 20 * DAY - (now % DAY);
    const dayA = [stamp(dayBase + HOUR), stamp(dayBase + 5 * HOUR), stamp(dayBase + 9 * HOUR)];
    // A named one among them is never dropped.
    const named = stamp(dayBase + 2 * HOUR, true);
    const dropped = thinVersions([...recent, ...hourA, ...dayA, named], now, DEFAULT_RETENTION_POLICY);
    expect(ids(dropped)).toEqual(ids([hourA[0]!, hourA[1]!, dayA[0]!, dayA[1]!]));
  });

  it('HISTORY-3: past a finite weekly tier only named versions stay', () => {
    const policy = { ...DEFAULT_RETENTION_POLICY, weeklySeconds: 95 * 86_400 };
    const old = stamp(now - 99 * DAY);
    const oldNamed = stamp(now - 99 * DAY, true);
    expect(ids(thinVersions([old, oldNamed], now, policy))).toEqual(ids([old]));
    // With weekly for ever (0), the newest of its week stays.
    expect(thinVersions([old], now, DEFAULT_RETENTION_POLICY)).toEqual([]);
  });

  it('HISTORY-3: thinning again later drops only more (idempotent at a given time)', () => {
    const all = Array.from({ length: 200 }, (_, i) => stamp(now - i * 37 * MIN));
    const first = thinVersions(all, now, DEFAULT_RETENTION_POLICY);
    const kept = all.filter((s) => !first.includes(s));
    expect(thinVersions(kept, now, DEFAULT_RETENTION_POLICY)).toEqual([]);
    const later = thinVersions(kept, now + 3 * DAY, DEFAULT_RETENTION_POLICY);
    expect(later.length).toBeGreaterThan(0);
  });
});

describe('R110: version count and space quota', () => {
  const now = 10 * DAY;
  const o = { now, policy: DEFAULT_RETENTION_POLICY, maxVersions: 3, spaceBytes: 0, maxSpaceBytes: 1000 };

  it('HISTORY-1: refuses a version over the per-document count once thinning freed nothing', () => {
    const existing = [stamp(now - MIN), stamp(now - 2 * MIN), stamp(now - 3 * MIN)];
    expect(planVersionStore(existing, stamp(now), o)).toEqual({ refuse: 'a document keeps at most 3 versions' });
    expect(planVersionStore(existing.slice(1), stamp(now), o)).toEqual({ drop: [] });
  });

  it('HISTORY-1: thinning makes room before the count is checked', () => {
    const base = now - 3 * DAY - (now % HOUR);
    const existing = [stamp(base), stamp(base + MIN), stamp(base + 2 * MIN)];
    const plan = planVersionStore(existing, stamp(now), o);
    expect('drop' in plan && plan.drop.length).toBe(2);
  });

  it('HISTORY-1: refuses a version that takes the space over its byte quota', () => {
    const plan = planVersionStore([], stamp(now, false, 600), { ...o, spaceBytes: 500 });
    expect(plan).toEqual({ refuse: "the space's history is over its quota of 1000 bytes" });
    expect(planVersionStore([], stamp(now, false, 600), { ...o, spaceBytes: 500, maxSpaceBytes: 0 })).toEqual({
      drop: [],
    });
  });
});
