import { recordActivity } from '../../space/recordActivity.js';
import { updateItem } from '../../space/updateItem.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import { requireWriter } from '../requireWriter.js';
import { WorkspaceError } from '../WorkspaceError.js';

/** Renames a listed item (title trimmed) and records it in the recent activity. */
export async function renameItem<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  spaceId: string,
  itemId: string,
  title: string,
): Promise<void> {
  const space = await core.openSpace(spaceId);
  requireWriter(space);
  const now = core.now();
  if (!updateItem(space.index.doc, itemId, { title: title.trim() }, core.personId, now)) {
    throw new WorkspaceError('UNKNOWN_ITEM', `item ${itemId} is not listed in space ${spaceId}`);
  }
  recordActivity(space.index.doc, { at: now, by: core.personId, itemId, action: 'renamed' });
}
