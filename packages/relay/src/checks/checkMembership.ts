import {
  applyMembershipEntry,
  bytesEqual,
  emptyMembershipState,
  FrameKind,
  signingInput,
  type MembershipFrame,
  type MembershipState,
} from '@trame/protocol';
import { sha256 } from '../crypto/sha256.js';
import { verifyEd25519 } from '../crypto/verifyEd25519.js';
import { diffMembershipState, type MembershipChanges } from '../space/diffMembershipState.js';
import { toMembershipState } from '../space/toMembershipState.js';
import type { SpaceRecord } from '../storage/RelayStorage.js';

/** What storage knows that decides a MEMBERSHIP entry, read in the write's transaction. */
export interface MembershipFacts {
  /** The connection's space id (the entry must be for it). */
  spaceId: Uint8Array;
  /** The space, or null before its genesis. */
  space: SpaceRecord | null;
  /** A stored entry with the frame's seq, if any. */
  stored: Uint8Array | null;
  /** Relay clock (unix seconds), for invite expiry (R35). */
  nowSeconds: number;
  /**
   * R97: the space's fold state with its devices (`foldStoredLog`); without it the state is
   * rebuilt from the stored rows, which is exact only for a space without linked devices.
   */
  folded?: MembershipState;
}

/** Result of {@link checkMembership}. */
export type MembershipVerdict =
  { verdict: 'duplicate' } | { verdict: 'append'; next: MembershipState; hash: Uint8Array; changes: MembershipChanges };

/**
 * Decides a MEMBERSHIP entry with the same fold clients use (R30-R35): chain, signature
 * (verified here, the relay's only per-entry signature check), signer role, and the action's
 * rules. A byte-identical copy of a stored entry is a duplicate, so a client that lost the
 * ACK can send it again. Throws TrameError.
 */
export function checkMembership(facts: MembershipFacts, frame: MembershipFrame): MembershipVerdict {
  if (facts.stored && bytesEqual(facts.stored, frame.raw)) return { verdict: 'duplicate' };
  const prev = facts.folded ?? (facts.space ? toMembershipState(facts.space) : emptyMembershipState(facts.spaceId));
  const next = applyMembershipEntry(prev, frame, {
    verifyEntrySignature: (e) => verifyEd25519(e.signer, signingInput(FrameKind.Membership, e.body), e.signature),
    // R120: device chains on GENESIS and ACCEPT (plain Ed25519 signatures; nothing to decrypt).
    verifySignature: verifyEd25519,
    sha256,
    nowSeconds: facts.nowSeconds,
  });
  return { verdict: 'append', next, hash: next.headHash, changes: diffMembershipState(prev, next) };
}
