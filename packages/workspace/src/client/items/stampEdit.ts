import { canWrite } from '../../roles/canWrite.js';
import { readSpaceMeta } from '../../space/readSpaceMeta.js';
import { recordActivity } from '../../space/recordActivity.js';
import { updateAtelier } from '../../space/updateAtelier.js';
import { updateItem } from '../../space/updateItem.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';

/**
 * Marks an item as edited now by this user: its "last edited", the space's recent activity and,
 * for an atelier whose assembly is open here, the atelier's last activity on the home card.
 * Observers stamp nothing.
 */
export async function stampEdit<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  spaceId: string,
  itemId: string,
): Promise<void> {
  const space = await core.openSpace(spaceId);
  if (!canWrite(space.session.myRole)) return;
  const now = core.now();
  updateItem(space.index.doc, itemId, {}, core.personId, now);
  recordActivity(space.index.doc, { at: now, by: core.personId, itemId, action: 'edited' });
  const meta = readSpaceMeta(space.index.doc);
  if (meta?.kind === 'atelier' && meta.assemblyId && core.isOpen(meta.assemblyId)) {
    const assembly = await core.openSpace(meta.assemblyId);
    if (canWrite(assembly.session.myRole)) {
      updateAtelier(assembly.index.doc, spaceId, { lastActivityAt: now, lastActivityBy: core.personId });
    }
  }
}
