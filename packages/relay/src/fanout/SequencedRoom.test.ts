import { describe, expect, it } from 'vitest';
import type { LiveFrame } from '../hub/LiveFrame.js';
import type { CommittedFrames } from './CommitLog.js';
import { SequencedRoom, type SequencedEntry } from './SequencedRoom.js';

function frame(seq: number): LiveFrame {
  return { kind: 'ephemeral', raw: new Uint8Array([seq]) };
}

/** A room over a fake storage holding frames 1..head (minus `pruned`), recording deliveries. */
function setup(o: { cursor?: number; head?: number; pruned?: number[]; gapWaitMs?: number } = {}) {
  const delivered: number[] = [];
  const fetches: number[] = [];
  const store = { head: o.head ?? 0, pruned: new Set(o.pruned ?? []) };
  const room = new SequencedRoom({
    cursor: o.cursor ?? 0,
    gapWaitMs: o.gapWaitMs ?? 20,
    deliver: (e: SequencedEntry) => delivered.push(e.frame.raw[0]!),
    entryOf: (raw) => ({ frame: { kind: 'ephemeral', raw }, origin: null }),
    fetch: async (after): Promise<CommittedFrames> => {
      fetches.push(after);
      const frames = [];
      for (let s = after + 1; s <= store.head; s++)
        if (!store.pruned.has(s)) frames.push({ seq: s, frame: new Uint8Array([s]) });
      return { headSeq: store.head, frames };
    },
    exclusive: (task) => task(),
    onError: (e) => {
      throw e;
    },
  });
  const offer = (seq: number) => room.offer(seq, { frame: frame(seq), origin: null });
  return { room, delivered, fetches, store, offer };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SequencedRoom (R27 across instances)', () => {
  it('delivers in commit order whatever the arrival order, once each', () => {
    const { delivered, offer, fetches } = setup();
    for (const s of [2, 1, 1, 4, 3, 2, 5]) offer(s);
    expect(delivered).toEqual([1, 2, 3, 4, 5]);
    expect(fetches).toEqual([]);
  });

  it('reads a frame whose message never came from storage after the gap wait, then goes on', async () => {
    const { delivered, offer, fetches, store } = setup({ gapWaitMs: 10 });
    store.head = 3;
    offer(1);
    offer(3); // 2 was committed by an instance killed before it published
    expect(delivered).toEqual([1]);
    await sleep(40);
    expect(delivered).toEqual([1, 2, 3]);
    expect(fetches).toEqual([1]);
    offer(2); // the late message is a duplicate now
    expect(delivered).toEqual([1, 2, 3]);
  });

  it('waits for a message still on its way rather than reading storage', async () => {
    const { delivered, offer, fetches } = setup({ gapWaitMs: 50 });
    offer(2);
    await sleep(5);
    offer(1);
    await sleep(80);
    expect(delivered).toEqual([1, 2]);
    expect(fetches).toEqual([]);
  });

  it('catches up on a commit it only heard of (poll, reference message), skipping pruned frames', async () => {
    const { delivered, room, store } = setup({ cursor: 2 });
    store.head = 7;
    store.pruned = new Set([3, 4]);
    room.noteCommitted(7, 0);
    await sleep(20);
    expect(delivered).toEqual([5, 6, 7]);
    expect(room.position).toBe(7);
  });

  it('R13: reach() resolves once everything up to a position was handed out', async () => {
    const { delivered, room, store, offer } = setup();
    store.head = 4;
    offer(4);
    await room.reach(3);
    expect(delivered).toEqual([1, 2, 3, 4]);
    await room.reach(2); // already there: no read
    expect(room.position).toBe(4);
  });
});
