import type { HistoryContext } from './HistoryContext.js';
import { historyClientOf } from './historyClientOf.js';
import { saveState } from './saveState.js';

/** Records a version of an open item now, whoever made the last edits; null when it is not open. */
export async function saveVersionNow(ctx: HistoryContext, spaceId: string, itemId: string): Promise<string | null> {
  const session = ctx.openSession(spaceId, itemId);
  if (!session) return null;
  const recorder = await ctx.recorderOf(session);
  if (recorder) return recorder.flush({ force: true });
  return saveState(ctx, await historyClientOf(ctx, spaceId, itemId), session, null);
}
