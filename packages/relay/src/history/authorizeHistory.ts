import { Role, roleCanWrite } from '@trame/protocol';
import type { SpaceAccess } from '../storage/RelayStorage.js';
import type { HistoryAction } from './HistoryAction.js';

/**
 * R106: members (any role) read a space's versions, names and retention policy; writers
 * (animateur, membre) store versions and names; animateurs set the retention policy. Anyone else,
 * a pending invite identity, a removed member or an unknown space alike, gets the same 403
 * (R62: no existence oracle). Returns null when allowed.
 */
export function authorizeHistory(access: SpaceAccess | null, action: HistoryAction): string | null {
  const role = access?.role ?? Role.None;
  if (role === Role.None) return 'not a member of this space';
  if (action === 'write' && !roleCanWrite(role)) return 'observers do not write history';
  if (action === 'retention' && role !== Role.Admin) return 'only animateurs set the retention policy';
  return null;
}
