import type { Awareness } from 'y-protocols/awareness';
import { asString } from '../util/asString.js';
import type { PresenceLocation, PresentPerson } from './PresenceUser.js';

/**
 * People present in a document, one entry per member (a person with two tabs open counts
 * once), me first, then by name. With `personOf` (the space's verified log, R97), a person on
 * two devices counts once too, under their person id (DEVICES-1: others see one Alice).
 */
export function readPresence(
  awareness: Awareness,
  myId: string,
  personOf: (id: string) => string | null = () => null,
): PresentPerson[] {
  const byId = new Map<string, PresentPerson>();
  const me = personOf(myId) ?? myId;
  awareness.getStates().forEach((state) => {
    const user = (state as { user?: Record<string, unknown> }).user;
    if (!user) return;
    const device = asString(user.id);
    const id = device ? (personOf(device) ?? device) : '';
    if (!id || byId.has(id)) return;
    const loc = (state as { location?: Record<string, unknown> | null }).location;
    const location: PresenceLocation | null =
      loc && typeof loc === 'object' ? { spaceId: asString(loc.spaceId), itemId: asString(loc.itemId) } : null;
    byId.set(id, {
      id,
      name: asString(user.name),
      colour: asString(user.color, '#475569'),
      isMe: id === me,
      location,
    });
  });
  return [...byId.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name, 'fr'));
}
