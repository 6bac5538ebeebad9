import { describe, expect, it } from 'vitest';
import { toHex, ZERO_ID } from '@trame/protocol';
import type { LiveFrame } from '../hub/LiveFrame.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { filterQueuedFrames } from './filterQueuedFrames.js';

const a = createTestIdentity();
const b = createTestIdentity();
let n = 0;
const raw = (): Uint8Array => Uint8Array.of(++n);
const update = (snapshot: Uint8Array, who: typeof a, clock: number): LiveFrame => ({
  kind: 'update',
  snapshotId: toHex(snapshot),
  author: who.hex,
  clock,
  raw: raw(),
});

describe('filterQueuedFrames', () => {
  it('R13: drops membership entries and updates the initial state already contains', () => {
    const queued: LiveFrame[] = [
      { kind: 'membership', seq: 2, raw: raw() },
      { kind: 'membership', seq: 3, raw: raw() },
      update(ZERO_ID, a, 4),
      update(ZERO_ID, a, 5),
      update(ZERO_ID, b, 1),
      { kind: 'ephemeral', raw: raw() },
    ];
    const out = filterQueuedFrames(queued, {
      seq: 2,
      snapshotId: ZERO_ID,
      height: 0,
      tailClocks: [{ author: a.publicKey, clock: 4 }],
    });
    expect(out).toEqual([queued[1]!.raw, queued[3]!.raw, queued[4]!.raw, queued[5]!.raw]);
  });

  it('R13: follows a snapshot accepted meanwhile, and drops what an already-served snapshot folded in', () => {
    const s1 = randomId();
    const s2 = randomId();
    const queued: LiveFrame[] = [
      update(s1, a, 3),
      { kind: 'snapshot', snapshotId: toHex(s2), height: 2, raw: raw() },
      update(s2, a, 1),
      update(s1, b, 9),
    ];
    // State read before the snapshot: everything after the tail is new.
    const before = filterQueuedFrames(queued, {
      seq: 0,
      snapshotId: s1,
      height: 1,
      tailClocks: [{ author: a.publicKey, clock: 2 }],
    });
    expect(before).toEqual([queued[0]!.raw, queued[1]!.raw, queued[2]!.raw]);
    // State read after the snapshot: the old-snapshot update and the snapshot itself are in it.
    const after = filterQueuedFrames(queued, { seq: 0, snapshotId: s2, height: 2, tailClocks: [] });
    expect(after).toEqual([queued[2]!.raw]);
  });
});
