import type { Role } from '@trame/protocol';
import { roleName } from '@trame/workspace';
import { m } from '$lib/paraglide/messages.js';

/** The collective's word for a role, in the interface language. */
export function roleLabel(role: Role): string {
  switch (roleName(role)) {
    case 'animateur':
      return m.role_animateur();
    case 'membre':
      return m.role_membre();
    case 'observateur':
      return m.role_observateur();
    default:
      return m.role_aucun();
  }
}
