import { describe, expect, it } from 'vitest';
import { resolveInflightAfterLoad } from './resolveInflightAfterLoad.js';
import type { InflightSnapshot, InflightUpdate } from './Inflight.js';

const id = (n: number): Uint8Array => new Uint8Array(16).fill(n);
const me = new Uint8Array(32).fill(0xaa);
const content = new Uint8Array([1, 2, 3]);
const upd: InflightUpdate = {
  kind: 'update',
  frame: new Uint8Array(1),
  snapshotId: id(1),
  clock: 4,
  content,
  link: new Uint8Array(32),
  signed: true,
  epoch: 0,
};

describe('resolveInflightAfterLoad', () => {
  it('R21/R45: on the same snapshot, a stored clock drops the frame, a missing one resends it unchanged', () => {
    expect(resolveInflightAfterLoad(upd, id(1), 4, null, me)).toEqual({ action: 'drop' });
    expect(resolveInflightAfterLoad(upd, id(1), 3, null, me)).toEqual({ action: 'resend' });
  });

  it('R45: after a newer snapshot, the content is re-queued unless the snapshot lists our clock', () => {
    expect(resolveInflightAfterLoad(upd, id(2), 0, { parentId: id(1), clocks: [] }, me)).toEqual({
      action: 'requeue',
      content: [content],
    });
    expect(
      resolveInflightAfterLoad(upd, id(2), 0, { parentId: id(1), clocks: [{ author: me, clock: 4 }] }, me),
    ).toEqual({ action: 'drop' });
  });

  it('R46: an in-flight snapshot that is now current is dropped, else its edits are re-queued', () => {
    const snap: InflightSnapshot = {
      kind: 'snapshot',
      frame: new Uint8Array(1),
      head: { id: id(3), height: 2, proof: new Uint8Array(32), frameHash: new Uint8Array(32) },
      includes: [content],
      epoch: 0,
    };
    expect(resolveInflightAfterLoad(snap, id(3), 0, null, me)).toEqual({ action: 'drop' });
    expect(resolveInflightAfterLoad(snap, id(1), 0, null, me)).toEqual({ action: 'requeue', content: [content] });
  });
});
