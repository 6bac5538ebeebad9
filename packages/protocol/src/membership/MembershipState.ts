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
  /** Persons (their person key, hex) → role. A person key is also its person's first device. */
  members: ReadonlyMap<string, Role>;
  invites: ReadonlyMap<string, PendingInvite>;
  /**
   * R94/R97 (protocol 4, ADR 0008): each linked device key (hex) → its person's key (hex). A
   * person key is not listed: it is its own person's device. Devices act with their person's
   * role (`roleOfKey`); content frames' authors and AUTH identities are device keys.
   */
  devices: ReadonlyMap<string, string>;
  /**
   * R96: persons one of whose devices was removed (DEVICE_REMOVE) since the last ROTATE: their
   * keys may sign the ROTATE that renews the space key. Emptied by every ROTATE.
   */
  rotationOwed: ReadonlySet<string>;
  /**
   * R72: commitment to each epoch's key, from the GENESIS or ROTATE that opened it. Clients check
   * every key they are sealed against it. The relay does not keep it (it never sees keys).
   */
  keyCommits: ReadonlyMap<number, Uint8Array>;
  /**
   * R74 (MEMBERSHIP-5): by epoch, every identity that held a write role while that epoch was
   * current: a content frame at epoch e is trusted only from one of them. The relay does not
   * keep it (it decides on current roles only).
   */
  epochWriters: ReadonlyMap<number, ReadonlySet<string>>;
}
