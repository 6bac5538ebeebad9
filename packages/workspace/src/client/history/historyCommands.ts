import { fromHex } from '@trame/protocol';
import {
  HistoryError,
  openHistory,
  restoreVersion,
  VersionRecorder,
  type HistoryClient,
  type HistorySpace,
  type VersionPolicy,
} from '@trame/sync/history';
import type { DocumentSessionLike, SpaceSessionLike } from '../../sync/SyncApi.js';

/**
 * Version history commands, loaded on first use (`import()` from ItemHistory): the document
 * route does not carry them until someone edits, opens the timeline or restores.
 */

/** The history of one item of an open space; the space session must be @trame/sync's. */
export function historyOf(session: SpaceSessionLike, itemId: string): HistoryClient {
  const space = session as unknown as Partial<HistorySpace>;
  if (!space.state || !space.relayUrl || !space.identity)
    throw new HistoryError('HISTORY_UNAVAILABLE', 'this space session keeps no history');
  return openHistory({ space: space as HistorySpace, docId: fromHex(itemId) });
}

/** Starts recording sessions of work of `item` (R114); the first local edit already happened at `startedAt`. */
export function startRecorder(
  history: HistoryClient,
  item: DocumentSessionLike,
  o: { selfId: string; startedAt: number; policy?: Partial<VersionPolicy>; onError?: (e: unknown) => void },
): VersionRecorder {
  return new VersionRecorder({
    doc: item.doc,
    awareness: item.awareness,
    selfId: o.selfId,
    canWrite: () => item.canWrite,
    history,
    sessionStartedAt: o.startedAt,
    ...(o.policy ? { policy: o.policy } : {}),
    ...(o.onError ? { onError: o.onError } : {}),
  });
}

/** R114: applies a version's content to an open item as a new local edit. */
export function applyRestore(item: DocumentSessionLike, state: Uint8Array): boolean {
  return restoreVersion(item.doc, state);
}

export { HistoryError };
