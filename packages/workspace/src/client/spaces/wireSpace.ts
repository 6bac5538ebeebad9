import { Role } from '@trame/protocol';
import type { PresenceLocation, PresenceUser } from '../../presence/PresenceUser.js';
import { setPresence } from '../../presence/setPresence.js';
import { canWrite } from '../../roles/canWrite.js';
import { recordPresentProfiles } from '../../space/recordPresentProfiles.js';
import { setDeviceRecord } from '../../space/setDeviceRecord.js';
import { setProfile } from '../../space/setProfile.js';
import type { DocumentSessionLike, MembershipPin, SpaceSessionLike } from '../../sync/SyncApi.js';
import { isAccessRefusal } from '../isAccessRefusal.js';

/** What a space session reports to the client, once wired. */
export interface SpaceWiring {
  /** R39: the verified head moved (also called at once with the session's current pin). */
  pin(pin: MembershipPin): void;
  /** A verified REMOVE of this identity is in the log. */
  removed(): void;
  /** MEMBERSHIP-6: the relay refused this identity; nothing is erased for that. */
  refused(error: unknown): void;
}

/**
 * Connects a space session to the client: publishes our presence (and, for writers, our profile)
 * in its index, records the names observers announce once the index holds the relay's state,
 * and routes the session's pins, removal and refusals to `on`.
 */
export function wireSpace<S extends SpaceSessionLike>(
  session: S,
  index: DocumentSessionLike,
  o: { me: PresenceUser; location: PresenceLocation | null; on: SpaceWiring; personId?: string },
): void {
  setPresence(index.awareness, o.me, o.location);
  if (canWrite(session.myRole)) {
    // ADR 0008: the profile is the person's (`personId`), presence the device's (R44).
    setProfile(index.doc, { id: o.personId ?? o.me.id, displayName: o.me.name, colour: o.me.colour });
  }
  // Observers cannot write their own profile (the relay refuses their writes): writers record
  // the name each member announces, signed, in the index's awareness. Only once the index
  // holds the relay's state, so as never to shadow a profile we have not received yet.
  let synced = false;
  const witness = (): void => {
    if (!synced || !canWrite(session.myRole)) return;
    recordPresentProfiles(index.doc, index.awareness.getStates().values(), {
      myId: o.me.id,
      isMember: (member) => session.roleOf(member) !== Role.None,
    });
  };
  index.awareness.on('change', witness);
  void index.whenSynced().then(() => {
    synced = true;
    witness();
    // DEVICES-2: a device of a person with several devices says, signed, that it was here.
    const person = o.personId ?? o.me.id;
    if (canWrite(session.myRole) && (person !== o.me.id || session.devicesOf(person).length > 0)) {
      setDeviceRecord(index.doc, { id: o.me.id, person, lastSeen: Date.now() });
    }
  });
  session.on('pin', (p) => o.on.pin(p));
  if (session.pin) o.on.pin(session.pin);
  session.on('removed', () => o.on.removed());
  session.on('error', (e) => {
    // MEMBERSHIP-6: the relay's word alone never wipes this device's copies (a hostile relay
    // could erase them, and the cached log with them). Only a verified REMOVE in the log does
    // (the `removed` event); here the person is told and may choose "Oublier cet espace".
    if (e.code !== 'INVALID_MEMBERSHIP' && isAccessRefusal(e)) o.on.refused(e);
  });
}
