import { describe, expect, it } from 'vitest';
import { snapshotProof, sha256 } from '@trame/crypto';
import { verifyInitialState, type InitialState } from './verifyInitialState.js';
import type { SnapshotHead } from './SnapshotHead.js';

const id = (n: number): Uint8Array => new Uint8Array(16).fill(n);
const a = 'aa'.repeat(32);
const held: SnapshotHead = { id: id(1), height: 1, proof: snapshotProof(null), frameHash: sha256(new Uint8Array([1])) };

function state(over: Partial<InitialState> = {}): InitialState {
  return {
    known: { snapshotId: '01'.repeat(16), height: 1, clocks: { [a]: 2 } },
    ready: { snapshotId: id(1), snapshotHeight: 1, tailCount: 2 },
    hello: { knownSnapshotId: id(1), knownTailCount: 0 },
    snapshot: null,
    updates: [
      { author: a, clock: 1, snapshotId: id(1) },
      { author: a, clock: 2, snapshotId: id(1) },
    ],
    current: held,
    clocks: new Map([[a, 2]]),
    ...over,
  };
}

describe('verifyInitialState', () => {
  it('R41/R42: the held snapshot with its whole tail is accepted, clocks kept', () => {
    expect(verifyInitialState(state())).toMatchObject({ ok: true, keepClocks: true });
  });

  it('R42: a shorter tail than recorded is ROLLBACK_DETECTED', () => {
    const r = verifyInitialState(
      state({
        updates: [{ author: a, clock: 1, snapshotId: id(1) }],
        ready: { snapshotId: id(1), snapshotHeight: 1, tailCount: 1 },
      }),
    );
    expect(!r.ok && r.error.code).toBe('ROLLBACK_DETECTED');
  });

  it('R42: a lower snapshot is ROLLBACK_DETECTED, another at the same height FORK_DETECTED', () => {
    const lower = verifyInitialState(
      state({ ready: { snapshotId: id(0), snapshotHeight: 0, tailCount: 0 }, updates: [] }),
    );
    expect(!lower.ok && lower.error.code).toBe('ROLLBACK_DETECTED');
    const fork = { snapshotId: id(5), parentId: id(0), height: 1, proof: snapshotProof(null) };
    const r = verifyInitialState(
      state({ snapshot: fork, ready: { snapshotId: id(5), snapshotHeight: 1, tailCount: 0 }, updates: [] }),
    );
    expect(!r.ok && r.error.code).toBe('FORK_DETECTED');
  });

  it('R41: a gap in the tail is MISSING_UPDATES', () => {
    const r = verifyInitialState(state({ known: undefined, updates: [{ author: a, clock: 2, snapshotId: id(1) }] }));
    expect(!r.ok && r.error.code).toBe('MISSING_UPDATES');
  });

  it('R48: a resumed tail continues from the held clocks', () => {
    const r = verifyInitialState(
      state({
        hello: { knownSnapshotId: id(1), knownTailCount: 2 },
        ready: { snapshotId: id(1), snapshotHeight: 1, tailCount: 3 },
        updates: [{ author: a, clock: 3, snapshotId: id(1) }],
      }),
    );
    expect(r).toMatchObject({ ok: true, keepClocks: true });
  });

  it('R43: a newer chaining snapshot resets the clocks', () => {
    const child = { snapshotId: id(2), parentId: id(1), height: 2, proof: snapshotProof(held) };
    const r = verifyInitialState(
      state({ snapshot: child, ready: { snapshotId: id(2), snapshotHeight: 2, tailCount: 0 }, updates: [] }),
    );
    expect(r).toMatchObject({ ok: true, keepClocks: false });
  });
});
