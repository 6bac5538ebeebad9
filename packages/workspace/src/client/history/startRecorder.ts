import { VersionRecorder } from '@trame/sync/history';
import type { DocumentSessionLike } from '../../sync/SyncApi.js';
import type { HistoryContext } from './HistoryContext.js';
import { historyClientOf } from './historyClientOf.js';

/** Starts recording the sessions of work on `item` (R114); its first local edit was at `startedAt`. */
export async function startRecorder(
  ctx: HistoryContext,
  spaceId: string,
  itemId: string,
  item: DocumentSessionLike,
  startedAt: number,
): Promise<VersionRecorder> {
  return new VersionRecorder({
    doc: item.doc,
    awareness: item.awareness,
    selfId: ctx.core.myId,
    canWrite: () => item.canWrite,
    history: await historyClientOf(ctx, spaceId, itemId),
    sessionStartedAt: startedAt,
    ...(ctx.policy ? { policy: ctx.policy } : {}),
    ...(ctx.onError ? { onError: ctx.onError } : {}),
  });
}
