import type { RetentionPolicy } from '@trame/protocol';
import type { HistoryContext } from './HistoryContext.js';
import { historyClientOf } from './historyClientOf.js';

/** The space's retention policy (HISTORY-3) and whether it is the default. */
export async function readRetention(
  ctx: HistoryContext,
  spaceId: string,
): Promise<{ policy: RetentionPolicy; isDefault: boolean }> {
  return (await historyClientOf(ctx, spaceId, '00'.repeat(16))).retention();
}
