import { Role } from '@trame/protocol';

/** Only animateurs invite, change roles, remove members and activate or rest ateliers. */
export function canManage(role: Role): boolean {
  return role === Role.Admin;
}
