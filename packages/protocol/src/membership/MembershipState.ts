import type { Role } from '../constants/Role.js';

/** A pending invite (R35). */
export interface PendingInvite {
  role: Role;
  /** Unix seconds; 0 = never expires. */
  expiresAt: number;
}

/**
 * The fold of a space's membership log (PROTOCOL.md §4). Keys are hex public keys.
 * Immutable by convention: {@link applyMembershipEntry} returns a new state.
 */
export interface MembershipState {
  spaceId: Uint8Array;
  /** seq of the last entry, -1 before genesis. */
  seq: number;
  /** SHA-256 of the last entry's whole frame (zeros before genesis). */
  headHash: Uint8Array;
  /** Current space key epoch. */
  epoch: number;
  members: ReadonlyMap<string, Role>;
  invites: ReadonlyMap<string, PendingInvite>;
  /** Identities that ever held a write role: their past updates stay trusted after removal. */
  everWriters: ReadonlySet<string>;
}
