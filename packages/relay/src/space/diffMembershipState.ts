import type { MembershipState, PendingInvite, Role } from '@trame/protocol';

/** Rows to write so that storage holds `next` after holding `prev`. */
export interface MembershipChanges {
  setMembers: Array<[string, Role]>;
  deleteMembers: string[];
  setInvites: Array<[string, PendingInvite]>;
  deleteInvites: string[];
  /** Identities that could connect before (member or pending invite) and no longer can. */
  lostAccess: string[];
}

/** Compares two folded states of the same space. Pure. */
export function diffMembershipState(prev: MembershipState, next: MembershipState): MembershipChanges {
  const setMembers: Array<[string, Role]> = [];
  const deleteMembers: string[] = [];
  const setInvites: Array<[string, PendingInvite]> = [];
  const deleteInvites: string[] = [];
  for (const [id, role] of next.members) if (prev.members.get(id) !== role) setMembers.push([id, role]);
  for (const id of prev.members.keys()) if (!next.members.has(id)) deleteMembers.push(id);
  for (const [id, inv] of next.invites) {
    const old = prev.invites.get(id);
    if (!old || old.role !== inv.role || old.expiresAt !== inv.expiresAt) setInvites.push([id, inv]);
  }
  for (const id of prev.invites.keys()) if (!next.invites.has(id)) deleteInvites.push(id);
  const lostAccess = [...deleteMembers, ...deleteInvites].filter(
    (id) => !next.members.has(id) && !next.invites.has(id),
  );
  return { setMembers, deleteMembers, setInvites, deleteInvites, lostAccess: [...new Set(lostAccess)] };
}
