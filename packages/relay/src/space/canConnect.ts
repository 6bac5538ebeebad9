import { Role } from '@trame/protocol';
import type { SpaceAccess } from '../storage/RelayStorage.js';

/**
 * R12 and R35: members may open the space and its documents; a pending, unexpired invite
 * identity may open only the space-level connection, to read the log and append its ACCEPT.
 */
export function canConnect(access: SpaceAccess, spaceLevel: boolean, nowSeconds: number): boolean {
  if (access.role !== Role.None) return true;
  const invite = access.invite;
  if (!spaceLevel || !invite) return false;
  return invite.expiresAt === 0 || nowSeconds <= invite.expiresAt;
}
