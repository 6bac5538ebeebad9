import { describe, expect, it } from 'vitest';
import { FrameKind } from '@trame/protocol';
import { ackSettles } from './ackSettles.js';
import type { InflightSnapshot, InflightUpdate } from './Inflight.js';

const id = (n: number): Uint8Array => new Uint8Array(16).fill(n);
const upd: InflightUpdate = {
  kind: 'update',
  frame: new Uint8Array(1),
  snapshotId: id(1),
  clock: 4,
  content: new Uint8Array(0),
  link: new Uint8Array(32),
  signed: true,
  epoch: 0,
};
const snap: InflightSnapshot = {
  kind: 'snapshot',
  frame: new Uint8Array(1),
  head: { id: id(3), height: 2, proof: new Uint8Array(32), frameHash: new Uint8Array(32) },
  includes: [],
  epoch: 0,
};

describe('ackSettles', () => {
  it('R14/R45: an ACK settles the in-flight UPDATE only with its snapshot and clock', () => {
    expect(ackSettles(upd, { ackedKind: FrameKind.Update, ref: id(1), number: 4 })).toBe(true);
    expect(ackSettles(upd, { ackedKind: FrameKind.Update, ref: id(1), number: 3 })).toBe(false);
    expect(ackSettles(upd, { ackedKind: FrameKind.Update, ref: id(2), number: 4 })).toBe(false);
  });

  it('R14/R46: an ACK settles the in-flight SNAPSHOT only with its id', () => {
    expect(ackSettles(snap, { ackedKind: FrameKind.Snapshot, ref: id(3), number: 2 })).toBe(true);
    expect(ackSettles(snap, { ackedKind: FrameKind.Update, ref: id(3), number: 2 })).toBe(false);
  });
});
