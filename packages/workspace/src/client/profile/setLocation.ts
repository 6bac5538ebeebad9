import type { PresenceLocation } from '../../presence/PresenceUser.js';
import { setPresence } from '../../presence/setPresence.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';

/**
 * Tells the other members where we are, in the assembly index's awareness (it drives "online"
 * on home cards); `null` when leaving a space. Someone invited to an atelier only is not in the
 * assembly: nothing is published.
 */
export async function setLocation<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  assemblyId: string,
  location: PresenceLocation | null,
): Promise<void> {
  core.location = location;
  if (!core.isJoined(assemblyId)) return;
  const assembly = await core.openSpace(assemblyId);
  setPresence(assembly.index.awareness, core.me, location);
}
