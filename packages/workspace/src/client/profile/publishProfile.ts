import { setPresence } from '../../presence/setPresence.js';
import { setProfile } from '../../space/setProfile.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';

/**
 * Publishes this user's name and colour (as the device's profile now holds them) everywhere
 * the client is: the presence of every open document and space index, and the profile in each
 * open space's index.
 */
export async function publishProfile<S extends SpaceSessionLike>(core: ClientCore<S>): Promise<void> {
  const me = core.me;
  for (const s of core.liveSessions()) setPresence(s.awareness, me);
  for (const space of await core.openSpaces()) {
    setProfile(space.index.doc, { id: me.id, displayName: me.name, colour: me.colour });
    setPresence(space.index.awareness, me);
  }
}
