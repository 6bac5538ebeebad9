import { recordActivity } from '../../space/recordActivity.js';
import { updateItem } from '../../space/updateItem.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import { requireWriter } from '../requireWriter.js';
import { WorkspaceError } from '../WorkspaceError.js';

/** Archives (hides from the list) or restores a listed item; nothing is deleted. */
export async function setArchived<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  spaceId: string,
  itemId: string,
  archived: boolean,
): Promise<void> {
  const space = await core.openSpace(spaceId);
  requireWriter(space);
  const now = core.now();
  if (!updateItem(space.index.doc, itemId, { archived }, core.personId, now)) {
    throw new WorkspaceError('UNKNOWN_ITEM', `item ${itemId} is not listed in space ${spaceId}`);
  }
  recordActivity(space.index.doc, { at: now, by: core.personId, itemId, action: archived ? 'archived' : 'restored' });
}
