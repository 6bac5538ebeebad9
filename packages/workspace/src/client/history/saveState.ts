import * as Y from 'yjs';
import type { HistoryClient } from '@trame/sync/history';
import type { DocumentSessionLike } from '../../sync/SyncApi.js';
import type { HistoryContext } from './HistoryContext.js';

/** Writes the current state of an open item as a version (no recorder yet, or a temporary session). */
export function saveState(
  ctx: HistoryContext,
  history: HistoryClient,
  session: DocumentSessionLike,
  restoredFrom: string | null,
): Promise<string> {
  const now = ctx.core.now();
  return history.save({
    state: Y.encodeStateAsUpdate(session.doc),
    startAt: now,
    endAt: now,
    authors: [ctx.core.myId],
    restoredFrom,
  });
}
