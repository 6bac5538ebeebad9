import { accessRoles, type MembershipState, type PendingInvite, type Role } from '@trame/protocol';

/** Rows to write so that storage holds `next` after holding `prev`. */
export interface MembershipChanges {
  setMembers: Array<[string, Role]>;
  deleteMembers: string[];
  setInvites: Array<[string, PendingInvite]>;
  deleteInvites: string[];
  /** Identities that could connect before (member or pending invite) and no longer can. */
  lostAccess: string[];
}

/**
 * Compares two folded states of the same space. Pure. R98: the `members` rows are every key that
 * may authenticate as a member (person keys and their linked devices, with the person's role),
 * so a removed device's row goes and its connections close (R33) like a removed member's.
 */
export function diffMembershipState(prev: MembershipState, next: MembershipState): MembershipChanges {
  const setMembers: Array<[string, Role]> = [];
  const deleteMembers: string[] = [];
  const setInvites: Array<[string, PendingInvite]> = [];
  const deleteInvites: string[] = [];
  const before = accessRoles(prev);
  const after = accessRoles(next);
  for (const [id, role] of after) if (before.get(id) !== role) setMembers.push([id, role]);
  for (const id of before.keys()) if (!after.has(id)) deleteMembers.push(id);
  for (const [id, inv] of next.invites) {
    const old = prev.invites.get(id);
    if (!old || old.role !== inv.role || old.expiresAt !== inv.expiresAt) setInvites.push([id, inv]);
  }
  for (const id of prev.invites.keys()) if (!next.invites.has(id)) deleteInvites.push(id);
  const lostAccess = [...deleteMembers, ...deleteInvites].filter((id) => !after.has(id) && !next.invites.has(id));
  return { setMembers, deleteMembers, setInvites, deleteInvites, lostAccess: [...new Set(lostAccess)] };
}
