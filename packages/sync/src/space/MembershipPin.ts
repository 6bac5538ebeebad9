/**
 * R39: what a client that has joined a space remembers of its log, outside the log itself (in
 * the encrypted profile), so that a relay cannot serve another history: the genesis, and the
 * last position it verified. An invite link carries the first pin a newcomer has (the INVITE
 * entry, which chains to genesis), with no genesis hash yet.
 */
export interface MembershipPin {
  /** SHA-256 of the genesis entry; null when only a later entry is known (an invite link). */
  genesisHash: Uint8Array | null;
  /** seq of the pinned entry. */
  seq: number;
  /** SHA-256 of the pinned entry's whole frame. */
  headHash: Uint8Array;
}
