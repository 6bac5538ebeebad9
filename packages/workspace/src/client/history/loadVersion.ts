import type { VersionInfo } from '@trame/sync/history';
import { asPersons } from './asPersons.js';
import type { HistoryContext } from './HistoryContext.js';
import { historyClientOf } from './historyClientOf.js';

/** A verified version's state (Yjs v1) and description. */
export async function loadVersion(
  ctx: HistoryContext,
  spaceId: string,
  itemId: string,
  versionId: string,
): Promise<{ info: VersionInfo; state: Uint8Array }> {
  const { info, state } = await (await historyClientOf(ctx, spaceId, itemId)).load(versionId);
  const [mapped] = await asPersons(ctx, spaceId, [info]);
  return { info: mapped!, state };
}
