import type { PresentPerson } from './PresenceUser.js';

/** Who is where, from the assembly index's presence: space id → people with it open. */
export function onlineBySpace(people: readonly PresentPerson[]): Map<string, PresentPerson[]> {
  const out = new Map<string, PresentPerson[]>();
  for (const p of people) {
    if (!p.location?.spaceId) continue;
    const list = out.get(p.location.spaceId) ?? [];
    list.push(p);
    out.set(p.location.spaceId, list);
  }
  return out;
}
