import { toHex, type AuthorClock } from '@trame/protocol';
import type { LiveFrame } from '../hub/LiveFrame.js';

/** The position of the initial state a connection was sent. */
export interface InitialPosition {
  /** Last membership seq sent (or known), -1 for none. */
  seq: number;
  snapshotId: Uint8Array;
  height: number;
  tailClocks: readonly AuthorClock[];
}

/**
 * R13: of the frames queued while the initial state was read, keeps those the state does not
 * contain, in order. Walks the queue as a client would, moving to a queued snapshot when one
 * is kept, so an update on a snapshot accepted meanwhile is kept and an update already folded
 * into the state's snapshot is dropped.
 */
export function filterQueuedFrames(queued: readonly LiveFrame[], at: InitialPosition): Uint8Array[] {
  let seq = at.seq;
  let snapshotId = toHex(at.snapshotId);
  let height = at.height;
  let clocks = new Map(at.tailClocks.map((c) => [toHex(c.author), c.clock]));
  const out: Uint8Array[] = [];
  for (const f of queued) {
    switch (f.kind) {
      case 'membership':
        if (f.seq <= seq) continue;
        seq = f.seq;
        break;
      case 'snapshot':
        if (f.height <= height) continue;
        snapshotId = f.snapshotId;
        height = f.height;
        clocks = new Map();
        break;
      case 'update':
        if (f.snapshotId !== snapshotId || f.clock <= (clocks.get(f.author) ?? 0)) continue;
        clocks.set(f.author, f.clock);
        break;
      case 'ephemeral':
        break;
    }
    out.push(f.raw);
  }
  return out;
}
