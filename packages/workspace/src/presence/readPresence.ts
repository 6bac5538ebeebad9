import type { Awareness } from 'y-protocols/awareness';
import { asString } from '../util/asString.js';
import type { PresenceLocation, PresentPerson } from './PresenceUser.js';

/**
 * People present in a document, one entry per member (a person with two tabs open counts
 * once), me first, then by name.
 */
export function readPresence(awareness: Awareness, myId: string): PresentPerson[] {
  const byId = new Map<string, PresentPerson>();
  awareness.getStates().forEach((state) => {
    const user = (state as { user?: Record<string, unknown> }).user;
    if (!user) return;
    const id = asString(user.id);
    if (!id || byId.has(id)) return;
    const loc = (state as { location?: Record<string, unknown> | null }).location;
    const location: PresenceLocation | null =
      loc && typeof loc === 'object' ? { spaceId: asString(loc.spaceId), itemId: asString(loc.itemId) } : null;
    byId.set(id, {
      id,
      name: asString(user.name),
      colour: asString(user.color, '#475569'),
      isMe: id === myId,
      location,
    });
  });
  return [...byId.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name, 'fr'));
}
