import type { HistoryContext } from './HistoryContext.js';
import { historyClientOf } from './historyClientOf.js';

/** Names a version (R109): never thinned afterwards. */
export async function nameVersion(
  ctx: HistoryContext,
  spaceId: string,
  itemId: string,
  versionId: string,
  name: string,
): Promise<void> {
  await (await historyClientOf(ctx, spaceId, itemId)).name(versionId, name);
}
