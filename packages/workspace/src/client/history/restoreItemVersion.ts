import { fromHex } from '@trame/protocol';
import { HistoryError, restoreVersion } from '@trame/sync/history';
import type { HistoryContext } from './HistoryContext.js';
import { historyClientOf } from './historyClientOf.js';
import { saveState } from './saveState.js';

/**
 * R114: restores a version of an item as a new local edit (opening the item for the time of it
 * if no screen has it open), then records a version marking the restore; returns its id.
 */
export async function restoreItemVersion(
  ctx: HistoryContext,
  spaceId: string,
  itemId: string,
  versionId: string,
): Promise<string | null> {
  const history = await historyClientOf(ctx, spaceId, itemId);
  const { state } = await history.load(versionId);
  let session = ctx.openSession(spaceId, itemId);
  let temporary = false;
  if (!session) {
    const space = await ctx.core.openSpace(spaceId);
    session = ctx.core.openDoc(space.session, fromHex(itemId));
    temporary = true;
    await ctx.core.settleSynced(session);
  }
  try {
    if (!session.canWrite) throw new HistoryError('HISTORY_FORBIDDEN', 'observers cannot restore');
    await session.whenSynced();
    const changed = restoreVersion(session.doc, state);
    // The restore is a local edit: it started (or loads) this item's recorder, which records it.
    const recorder = changed ? await ctx.recorderOf(session) : null;
    if (recorder) return await recorder.flush({ force: true, restoredFrom: versionId });
    return await saveState(ctx, history, session, versionId);
  } finally {
    if (temporary) {
      await ctx.core.settle(session);
      session.destroy();
    }
  }
}
