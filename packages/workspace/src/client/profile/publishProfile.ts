import { setPresence } from '../../presence/setPresence.js';
import { setDeviceRecord } from '../../space/setDeviceRecord.js';
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
    // ADR 0008: the profile is the person's (one Alice across her devices); presence stays the
    // device's own key (R44), which readers map to the person (R97).
    setProfile(space.index.doc, { id: core.personId, displayName: me.name, colour: me.colour });
    // DEVICES-2: this device's own record (last seen), written by the device itself.
    if (core.personId !== core.myId || space.session.devicesOf(core.personId).length > 0) {
      setDeviceRecord(space.index.doc, { id: core.myId, person: core.personId, lastSeen: core.now() });
    }
    setPresence(space.index.awareness, me);
  }
}
