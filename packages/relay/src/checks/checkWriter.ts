import { Role, roleCanWrite, TrameError } from '@trame/protocol';
import type { SpaceAccess } from '../storage/RelayStorage.js';

/**
 * R23/R33: the identity must hold a write role at the time of the write. Callers read the
 * access in the write's own transaction, so a SET_ROLE to viewer accepted just before makes
 * this write fail. Returns the access for the epoch check that follows.
 */
export function checkWriter(access: SpaceAccess | null): SpaceAccess {
  if (!access || access.role === Role.None) throw new TrameError('NOT_A_MEMBER', 'not a member of the space');
  if (!roleCanWrite(access.role)) throw new TrameError('FORBIDDEN_ROLE', 'this role cannot write documents');
  return access;
}
