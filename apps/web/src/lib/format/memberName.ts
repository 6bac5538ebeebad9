import type { MemberProfile } from '@trame/workspace';
import { m } from '$lib/paraglide/messages.js';

/**
 * A member's display name from the space's profiles, or "Membre 3fa2" for someone whose
 * profile has not arrived (or who never set one): ids are never shown in full.
 */
export function memberName(profiles: ReadonlyMap<string, MemberProfile>, id: string): string {
  const name = profiles.get(id)?.displayName.trim();
  if (name) return name;
  if (!id) return m.someone();
  return m.members_unnamed({ short: id.slice(0, 4) });
}
