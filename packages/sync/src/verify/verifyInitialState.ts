import { bytesEqual, toHex, type TrameError, type SnapshotHeader } from '@trame/protocol';
import type { DocumentHeads } from '../heads/HeadStore.js';
import { checkServedHeight } from './checkServedHeight.js';
import { checkServedSnapshot } from './checkServedSnapshot.js';
import { checkTailAgainstHeads } from './checkTailAgainstHeads.js';
import { checkTailClocks } from './checkTailClocks.js';
import { isResumedTail } from './isResumedTail.js';
import type { SnapshotHead } from './SnapshotHead.js';
import type { TailEntry } from './TailEntry.js';

export interface InitialState {
  /** Heads this client recorded for the document (R42), if any. */
  known: DocumentHeads | undefined;
  ready: { snapshotId: Uint8Array; snapshotHeight: number; tailCount: number };
  hello: { knownSnapshotId: Uint8Array; knownTailCount: number };
  snapshot: Pick<SnapshotHeader, 'snapshotId' | 'parentId' | 'height' | 'proof'> | null;
  updates: readonly TailEntry[];
  /** What this client holds: its snapshot and its clocks on it. */
  current: SnapshotHead | null;
  clocks: ReadonlyMap<string, number>;
}

/**
 * `keepClocks`: the served state is on the snapshot this client holds, so its clocks still
 * count; otherwise they start again from the served snapshot. `served`: each author's last
 * clock on the served snapshot, as the tail shows it.
 */
export type InitialStateVerdict =
  { ok: true; keepClocks: boolean; served: Map<string, number> } | { ok: false; error: TrameError };

/**
 * R41, R42, R43, R48: whether the initial state a relay served (snapshot, tail, READY) may be
 * applied over what this client holds. Signatures and decryption are checked per frame later
 * (R40): a single bad frame must not refuse the whole state.
 */
export function verifyInitialState(s: InitialState): InitialStateVerdict {
  const servedHex = toHex(s.ready.snapshotId);
  const fail = (error: TrameError): InitialStateVerdict => ({ ok: false, error });
  const height = checkServedHeight(s.known, servedHex, s.ready.snapshotHeight);
  if (height) return fail(height);
  const served = checkServedSnapshot(s.snapshot, s.ready, s.current);
  if (served) return fail(served);
  const keepClocks = !s.snapshot || (s.current !== null && bytesEqual(s.snapshot.snapshotId, s.current.id));
  const resumed = isResumedTail(s.snapshot !== null, s.hello, s.ready);
  const tail = checkTailClocks(s.updates, s.ready.snapshotId, resumed ? s.clocks : null);
  if (!tail.ok) return tail;
  const rollback = checkTailAgainstHeads(s.known, servedHex, tail.seen);
  if (rollback) return fail(rollback);
  return { ok: true, keepClocks, served: tail.seen };
}
