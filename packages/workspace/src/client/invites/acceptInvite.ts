import { readSpaceMeta } from '../../space/readSpaceMeta.js';
import type { SpaceKind } from '../../space/SpaceIndex.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import { addMyDevices } from '../devices/addMyDevices.js';

/**
 * Joins a space from an invite token (the sync layer checks the INVITE entry the link pins,
 * R39), publishes our profile there and remembers it, with its pin, in the device's profile.
 * Returns the space's id and kind, read from its (now readable) index.
 */
export async function acceptInvite<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  token: string,
): Promise<{ id: string; kind: SpaceKind; assemblyId: string }> {
  const session = await core.sync.SpaceSession.acceptInvite({ ...core.connectOptions(), invite: token });
  const id = session.spaceIdHex;
  const space = core.adopt(id, session);
  await space.index.whenSynced();
  const meta = readSpaceMeta(space.index.doc);
  const kind: SpaceKind = meta?.kind ?? 'atelier';
  const assemblyId = kind === 'assembly' ? id : (meta?.assemblyId ?? id);
  await core.remember({ id, kind, assemblyId, joinedAt: core.now() });
  // R125: the person's other devices get the space too.
  await addMyDevices(core, id);
  return { id, kind, assemblyId };
}
