import type { Awareness } from 'y-protocols/awareness';
import type { PresenceLocation, PresenceUser } from './PresenceUser.js';

/** Publishes who we are (and, on the assembly index, where we are) in a document's awareness. */
export function setPresence(awareness: Awareness, user: PresenceUser, location?: PresenceLocation | null): void {
  awareness.setLocalStateField('user', { id: user.id, name: user.name, color: user.colour });
  if (location !== undefined) awareness.setLocalStateField('location', location);
}
