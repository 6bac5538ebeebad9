import type * as Y from 'yjs';
import { MAX_NAME_LENGTH } from '../collective/validatePlan.js';
import { asString } from '../util/asString.js';
import { setIfChanged } from '../util/setIfChanged.js';
import { INDEX_ROOTS } from './SpaceIndex.js';

/**
 * Writes into a space's index the display name of members who cannot write it themselves.
 *
 * Observers (Role.Viewer) cannot write any document of a space, the index included: the relay
 * refuses their updates. So their display name reaches the member list this way: any writer's
 * client that sees a member present in the index's awareness, and finds no profile for that id,
 * records the name and colour that member publishes there. This is trustworthy because the sync
 * layer accepts an awareness entry only when its `user.id` is the identity that signed it: a
 * member can announce their own name, never someone else's.
 *
 * Profiles recorded this way are marked `witnessed` and follow later changes of the person's
 * name; a profile the member wrote themselves is never overwritten. `states` are the awareness
 * states (`awareness.getStates().values()`); returns how many profiles were written.
 */
export function recordPresentProfiles(
  doc: Y.Doc,
  states: Iterable<unknown>,
  o: { myId: string; isMember: (id: string) => boolean },
): number {
  const profiles = doc.getMap<unknown>(INDEX_ROOTS.profiles);
  let written = 0;
  doc.transact(() => {
    for (const state of states) {
      const user = (state as { user?: Record<string, unknown> } | null)?.user;
      if (!user || typeof user !== 'object') continue;
      const id = asString(user.id);
      const displayName = asString(user.name).trim().slice(0, MAX_NAME_LENGTH);
      if (!id || id === o.myId || !displayName || !o.isMember(id)) continue;
      const existing = profiles.get(id) as Record<string, unknown> | undefined;
      if (existing && existing.witnessed !== true) continue;
      const colour = asString(user.color, asString(existing?.colour, '#475569'));
      if (setIfChanged(profiles, id, { displayName, colour, witnessed: true })) written++;
    }
  });
  return written;
}
