import { bytesEqual, type AuthorClock } from '@trame/protocol';
import type { Inflight } from './Inflight.js';

/**
 * `resend`: send the same frame again (R21); `drop`: it landed, forget it; `requeue`: forget
 * the frame and queue its content again (it is re-sent on the current snapshot).
 */
export type InflightAfterLoad = { action: 'resend' | 'drop' } | { action: 'requeue'; content: Uint8Array[] };

/**
 * R45 after a reload: did the unacknowledged frame land (only the ACK was lost), must it be
 * sent again unchanged, or must its content be re-sent on the snapshot now current?
 */
export function resolveInflightAfterLoad(
  f: Inflight,
  currentId: Uint8Array,
  ownClock: number,
  servedSnapshot: { parentId: Uint8Array; clocks: readonly AuthorClock[] } | null,
  me: Uint8Array,
): InflightAfterLoad {
  if (f.kind === 'snapshot')
    return bytesEqual(f.head.id, currentId) ? { action: 'drop' } : { action: 'requeue', content: f.includes };
  if (bytesEqual(f.snapshotId, currentId)) return ownClock >= f.clock ? { action: 'drop' } : { action: 'resend' };
  // A newer snapshot was served: it includes the update if it lists our clock on its parent.
  const included =
    servedSnapshot !== null &&
    bytesEqual(servedSnapshot.parentId, f.snapshotId) &&
    servedSnapshot.clocks.some((c) => bytesEqual(c.author, me) && c.clock >= f.clock);
  return included ? { action: 'drop' } : { action: 'requeue', content: [f.content] };
}
