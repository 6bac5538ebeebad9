import { Role } from '@trame/protocol';

/** The collective's word for each role, used as a message key suffix by the interface. */
export type RoleName = 'animateur' | 'membre' | 'observateur' | 'aucun';

/** Maps a protocol role to the collective's vocabulary. */
export function roleName(role: Role): RoleName {
  switch (role) {
    case Role.Admin:
      return 'animateur';
    case Role.Editor:
      return 'membre';
    case Role.Viewer:
      return 'observateur';
    default:
      return 'aucun';
  }
}
