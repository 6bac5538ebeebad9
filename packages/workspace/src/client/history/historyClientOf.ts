import type { HistoryClient } from '@trame/sync/history';
import type { HistoryContext } from './HistoryContext.js';
import { historyOf } from './historyOf.js';

/** The history client of an item, its space opened (once) through the client. */
export async function historyClientOf(ctx: HistoryContext, spaceId: string, itemId: string): Promise<HistoryClient> {
  return historyOf((await ctx.core.openSpace(spaceId)).session, itemId);
}
