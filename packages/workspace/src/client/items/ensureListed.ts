import { readItem } from '../../space/readItem.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import type { OpenSpace } from '../OpenSpace.js';
import { WorkspaceError } from '../WorkspaceError.js';

/**
 * Refuses an item id the space's index does not list (MINUTES-3): a document opened under it
 * would be stored on the relay and listed nowhere (an orphan). The index is read from the
 * device cache first, then, if the item is not there, once the relay's state arrived
 * (`UNKNOWN_ITEM`); if the relay cannot be asked, `UNCONFIRMED_ITEM`.
 */
export async function ensureListed<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  space: OpenSpace<S>,
  itemId: string,
): Promise<void> {
  await space.index.whenLoaded();
  if (readItem(space.index.doc, itemId)) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const synced = await Promise.race([
    space.index.whenSynced().then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), core.online ? core.saveTimeoutMs : 0);
    }),
  ]);
  clearTimeout(timer);
  if (readItem(space.index.doc, itemId)) return;
  throw synced
    ? new WorkspaceError('UNKNOWN_ITEM', `item ${itemId} is not listed in space ${space.id}`)
    : new WorkspaceError('UNCONFIRMED_ITEM', `item ${itemId} is not in the cached index and the relay is unreachable`);
}
