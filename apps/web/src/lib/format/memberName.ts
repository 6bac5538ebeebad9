import type { MemberProfile } from '@trame/workspace';
import { app } from '$lib/app/app';
import { m } from '$lib/paraglide/messages.js';

/**
 * A member's display name from the space's profiles, or "Membre 3fa2" for someone whose
 * profile has not arrived (or who never set one): ids are never shown in full. One's own name
 * comes from this device's profile, so a newcomer sees it at once, observers included (they
 * cannot write their profile into the index; MINUTES-8).
 */
export function memberName(profiles: ReadonlyMap<string, MemberProfile>, id: string): string {
  if (id && id === app.client?.personId) {
    const mine = app.profile?.displayName.trim();
    if (mine) return mine;
  }
  const name = profiles.get(id)?.displayName.trim();
  if (name) return name;
  if (!id) return m.someone();
  return m.members_unnamed({ short: id.slice(0, 4) });
}
