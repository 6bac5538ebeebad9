import type { FrameKind } from '../constants/FrameKind.js';

/** Sent first by a client: what it wants to open, and as whom (docs/PROTOCOL.md §3.1). */
export interface HelloFrame {
  kind: typeof FrameKind.Hello;
  /** Ask the relay to create the space from the genesis entry that follows AUTH. */
  create: boolean;
  /**
   * Flags bit 1: also send the latest snapshot's parent and its tail, before the latest
   * snapshot (R53: a client that cannot read the latest snapshot falls back to them).
   */
  withParent: boolean;
  spaceId: Uint8Array;
  /** The document to open; all zeros opens the space only (membership). */
  docId: Uint8Array;
  /** Ed25519 public key of the connecting identity. */
  identity: Uint8Array;
  /** Highest membership seq the client already holds, or -1 for none. */
  knownMembershipSeq: number;
  /** Latest snapshot the client already holds (zeros: none); the relay then skips resending it. */
  knownSnapshotId: Uint8Array;
  /**
   * How many updates of `knownSnapshotId`'s tail the client holds, counted from the first
   * (R48): the relay then skips that many when the snapshot is still the latest.
   */
  knownTailCount: number;
  raw: Uint8Array;
}

export interface ChallengeFrame {
  kind: typeof FrameKind.Challenge;
  nonce: Uint8Array;
  raw: Uint8Array;
}

export interface AuthFrame {
  kind: typeof FrameKind.Auth;
  signature: Uint8Array;
  raw: Uint8Array;
}

/** Ends the initial state a relay sends after AUTH. */
export interface ReadyFrame {
  kind: typeof FrameKind.Ready;
  role: number;
  /** Latest membership seq, or -1 while the space awaits its genesis entry. */
  membershipSeq: number;
  snapshotId: Uint8Array;
  snapshotHeight: number;
  tailCount: number;
  tailBytes: number;
  raw: Uint8Array;
}

/** One sealed copy of the space's key bundle for a recipient. */
export interface SealedKey {
  /** Ed25519 public key of the recipient (the box is sealed to its X25519 counterpart). */
  recipient: Uint8Array;
  sealed: Uint8Array;
}

/**
 * R120 (ADR 0010): one link of a device chain: `issuer` certifies that `device` is a device of
 * the chain's person, where the issuer is the person key for the first link and the previous
 * link's device after it. `signature` = Ed25519(issuer, "trame/v5/device-cert\0" ‖ person ‖
 * issuer ‖ device ‖ u32 issuedAt). 100 bytes on the wire: device ‖ issuedAt ‖ signature.
 */
export interface DeviceCertLink {
  device: Uint8Array;
  /** Unix seconds when the issuer made the link (informational: links do not expire). */
  issuedAt: number;
  signature: Uint8Array;
}

export interface MembershipFields {
  spaceId: Uint8Array;
  seq: number;
  prevHash: Uint8Array;
  signer: Uint8Array;
  action: number;
  subject: Uint8Array;
  role: number;
  epoch: number;
  /** Unix seconds after which an INVITE can no longer be accepted; 0 = never. Other actions: 0. */
  expiresAt?: number;
  /**
   * R72: GENESIS and ROTATE commit to the key of the epoch they open (see `keyCommitment` in
   * @trame/crypto); zeros for other actions (the default).
   */
  keyCommit?: Uint8Array;
  sealedKeys: SealedKey[];
  /**
   * R121/R122/R123 (protocol 5): the chain certifying the device that creates a space (GENESIS)
   * or accepts an invite (ACCEPT) as the entry's subject, a person whose key it does not hold.
   * Empty (the default) for every other entry.
   */
  deviceChain?: DeviceCertLink[];
}

export interface MembershipFrame extends MembershipFields {
  kind: typeof FrameKind.Membership;
  expiresAt: number;
  keyCommit: Uint8Array;
  /** Empty for frames written under 3 or 4 (they have no chain field). */
  deviceChain: DeviceCertLink[];
  /** Bytes covered by the signature (all but the last 64). */
  body: Uint8Array;
  signature: Uint8Array;
  raw: Uint8Array;
}

/** Parts shared by every encrypted, signed frame. */
export interface ContentParts {
  /** Cleartext header: the AEAD associated data. */
  header: Uint8Array;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
  /** Everything the signature covers (header, nonce, length, ciphertext). */
  body: Uint8Array;
  /** Empty for an UPDATE sent without a signature (R51). */
  signature: Uint8Array;
  raw: Uint8Array;
}

/**
 * The author's view of the space's membership log when it wrote the frame (MEMBERSHIP-8):
 * the seq of the last entry it had applied (-1: none) and the first 8 bytes of SHA-256 of
 * that entry's whole frame (zeros: none). Inside the header, so signed and chained.
 */
export interface MembershipView {
  viewSeq: number;
  viewHead: Uint8Array;
}

export interface UpdateHeader extends Partial<MembershipView> {
  spaceId: Uint8Array;
  docId: Uint8Array;
  epoch: number;
  /** Snapshot this update builds on (zeros before the first snapshot). */
  snapshotId: Uint8Array;
  author: Uint8Array;
  /** Per (document, snapshot, author) counter: exactly last+1, starting at 1 (R20). */
  clock: number;
  /**
   * Chain link of the author's previous UPDATE on (document, snapshot) (R50); zeros for clock 1.
   * Default zeros.
   */
  prevLink?: Uint8Array;
  /** The frame carries its author's signature (R51). Default true. */
  signed?: boolean;
}

export interface UpdateFrame extends Required<UpdateHeader>, ContentParts {
  kind: typeof FrameKind.Update;
}

export interface AuthorClock {
  author: Uint8Array;
  clock: number;
  /** Chain link of the author's UPDATE with this clock (R50); zeros when unknown to the writer. */
  link?: Uint8Array;
}

export interface SnapshotHeader extends Partial<MembershipView> {
  spaceId: Uint8Array;
  docId: Uint8Array;
  epoch: number;
  snapshotId: Uint8Array;
  /** Parent snapshot (zeros for the first). */
  parentId: Uint8Array;
  /** parent.height + 1; the first snapshot has height 1. */
  height: number;
  /** Hash chain to the ancestors (R24). */
  proof: Uint8Array;
  author: Uint8Array;
  /** Last clock per author of the parent's updates that this snapshot includes. */
  clocks: AuthorClock[];
}

export interface SnapshotFrame extends Required<SnapshotHeader>, ContentParts {
  kind: typeof FrameKind.Snapshot;
  clocks: Array<Required<AuthorClock>>;
}

export interface EphemeralHeader extends Partial<MembershipView> {
  spaceId: Uint8Array;
  docId: Uint8Array;
  epoch: number;
  author: Uint8Array;
  /** Increases with every EPHEMERAL frame of one connection. */
  sequence: number;
}

export interface EphemeralFrame extends Required<EphemeralHeader>, ContentParts {
  kind: typeof FrameKind.Ephemeral;
}

export interface AckFrame {
  kind: typeof FrameKind.Ack;
  ackedKind: number;
  /** Snapshot id the acknowledged UPDATE or SNAPSHOT is about (zeros for MEMBERSHIP). */
  ref: Uint8Array;
  /** Clock of an UPDATE, height of a SNAPSHOT, seq of a MEMBERSHIP entry. */
  number: number;
  /** Updates stored on the latest snapshot, to decide when to compact. */
  tailCount: number;
  tailBytes: number;
  /** The frame was already stored (an idempotent retransmission). */
  duplicate: boolean;
  raw: Uint8Array;
}

/**
 * Every UPDATE and SNAPSHOT the relay sent on this connection before this frame is durable
 * (R47): a client records heads (R42) only up to here.
 */
export interface DurableFrame {
  kind: typeof FrameKind.Durable;
  raw: Uint8Array;
}

/**
 * MEMBERSHIP-3 (R75): the wrap secret of a bundle sealed to an invite identity, kept by the
 * relay outside the signed log and deleted when the invite ends. An admin sends it just before
 * the entry (INVITE, or a ROTATE while the invite is pending); the relay sends it to the invite
 * identity after AUTH, before the membership entries.
 */
export interface InviteWrapFrame {
  kind: typeof FrameKind.InviteWrap;
  /** The invite identity a bundle is sealed to (an INVITE's subject, or a ROTATE recipient). */
  invite: Uint8Array;
  /** seq of the entry that carries the bundle. */
  seq: number;
  /** 32 random bytes: the key of that bundle's outer layer (R76). */
  wrap: Uint8Array;
  raw: Uint8Array;
}

export interface ErrorFrame {
  kind: typeof FrameKind.Error;
  code: number;
  refKind: number;
  ref: Uint8Array;
  refNumber: number;
  rangeFrom: number;
  rangeTo: number;
  latestSnapshotId: Uint8Array;
  message: string;
  raw: Uint8Array;
}

export type Frame =
  | HelloFrame
  | ChallengeFrame
  | AuthFrame
  | ReadyFrame
  | MembershipFrame
  | UpdateFrame
  | SnapshotFrame
  | EphemeralFrame
  | AckFrame
  | ErrorFrame
  | DurableFrame
  | InviteWrapFrame;
