import { bytesEqual, TrameError } from '@trame/protocol';

/**
 * What to do with a live UPDATE: `apply` it, `skip` it (reported), or `resync` (reload the
 * state from the relay, reported).
 */
export type RemoteUpdateVerdict = { action: 'apply' } | { action: 'skip' | 'resync'; error: TrameError };

/**
 * R41 for a live UPDATE: it must be on the snapshot this client holds, with the author's next
 * clock. A clock already applied is a replay (skipped); a jump means the relay dropped updates
 * (reload the tail rather than apply out of order).
 */
export function checkRemoteUpdate(
  update: { author: string; clock: number; snapshotId: Uint8Array },
  currentId: Uint8Array,
  lastClock: number,
): RemoteUpdateVerdict {
  if (!bytesEqual(update.snapshotId, currentId)) {
    return {
      action: 'resync',
      error: new TrameError('MISSING_UPDATES', 'update on a snapshot this client does not hold'),
    };
  }
  const who = update.author.slice(0, 12);
  if (update.clock <= lastClock) {
    return {
      action: 'skip',
      error: new TrameError('REPLAY_DETECTED', `author ${who} clock ${update.clock} already applied`),
    };
  }
  if (update.clock > lastClock + 1) {
    const range = { from: lastClock + 1, to: update.clock - 1 };
    return {
      action: 'resync',
      error: new TrameError('MISSING_UPDATES', `author ${who}: clocks ${range.from}..${range.to} missing`, { range }),
    };
  }
  return { action: 'apply' };
}
