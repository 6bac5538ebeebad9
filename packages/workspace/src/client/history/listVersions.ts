import type { VersionInfo } from '@trame/sync/history';
import { asPersons } from './asPersons.js';
import type { HistoryContext } from './HistoryContext.js';
import { historyClientOf } from './historyClientOf.js';

/** Verified versions of an item, newest first, authors as person ids. */
export async function listVersions(ctx: HistoryContext, spaceId: string, itemId: string): Promise<VersionInfo[]> {
  return asPersons(ctx, spaceId, await (await historyClientOf(ctx, spaceId, itemId)).list());
}
