import { fromHex } from '@trame/protocol';
import { HistoryError, openHistory, type HistoryClient, type HistorySpace } from '@trame/sync/history';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';

/** The history of one item of an open space; the space session must be @trame/sync's. */
export function historyOf(session: SpaceSessionLike, itemId: string): HistoryClient {
  const space = session as unknown as Partial<HistorySpace>;
  if (!space.state || !space.relayUrl || !space.identity)
    throw new HistoryError('HISTORY_UNAVAILABLE', 'this space session keeps no history');
  return openHistory({ space: space as HistorySpace, docId: fromHex(itemId) });
}
