import type { ItemType } from '../../space/SpaceIndex.js';
import { addItem } from '../../space/addItem.js';
import { recordActivity } from '../../space/recordActivity.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import type { OpenSpace } from '../OpenSpace.js';

/** Lists a new item in the space's index and records it in the recent activity, in one change. */
export function listItem<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  space: OpenSpace<S>,
  item: { id: string; type: ItemType; title: string; action: 'created' | 'duplicated' },
): void {
  const now = core.now();
  space.index.doc.transact(() => {
    addItem(space.index.doc, {
      id: item.id,
      type: item.type,
      title: item.title.trim(),
      createdAt: now,
      createdBy: core.personId,
      updatedAt: now,
      updatedBy: core.personId,
      archived: false,
      role: '',
    });
    recordActivity(space.index.doc, { at: now, by: core.personId, itemId: item.id, action: item.action });
  });
}
