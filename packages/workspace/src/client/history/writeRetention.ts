import type { RetentionPolicy } from '@trame/protocol';
import type { HistoryContext } from './HistoryContext.js';
import { historyClientOf } from './historyClientOf.js';

/** Sets the space's retention policy (animateurs, R111); the relay thins at once. */
export async function writeRetention(ctx: HistoryContext, spaceId: string, policy: RetentionPolicy): Promise<void> {
  await (await historyClientOf(ctx, spaceId, '00'.repeat(16))).setRetention(policy);
}
