import { randomBytes } from 'node:crypto';
import {
  appendSignature,
  encodeContentBody,
  encodeEphemeralHeader,
  encodeMembershipBody,
  encodeSnapshotHeader,
  encodeUpdateHeader,
  FrameKind,
  MembershipAction,
  signingInput,
  ZERO_HASH,
  ZERO_ID,
  type AuthorClock,
} from '@trame/protocol';
import type { TestIdentity } from './createTestIdentity.js';
import { builtLink, recordBuilt } from './testChains.js';

// The relay never decrypts: any bytes do as "ciphertext" (at least a tag's 16 bytes).
function fakeCiphertext(size = 48): Uint8Array {
  return new Uint8Array(randomBytes(size));
}

function nonce(): Uint8Array {
  return new Uint8Array(randomBytes(24));
}

/** Options of {@link buildUpdate}. */
export interface UpdateOptions {
  author: TestIdentity;
  spaceId: Uint8Array;
  docId: Uint8Array;
  clock: number;
  snapshotId?: Uint8Array;
  epoch?: number;
  ciphertext?: Uint8Array;
  /** Sign as this identity instead of `author` (the relay does not check content signatures). */
  header?: { author?: Uint8Array };
  /** R50: defaults to the link of the update built last for the previous clock (zeros for 1). */
  prevLink?: Uint8Array;
}

/** A signed UPDATE frame with fake ciphertext. */
export function buildUpdate(o: UpdateOptions): Uint8Array {
  const snapshotId = o.snapshotId ?? ZERO_ID;
  const author = o.header?.author ?? o.author.publicKey;
  const header = encodeUpdateHeader({
    spaceId: o.spaceId,
    docId: o.docId,
    epoch: o.epoch ?? 0,
    snapshotId,
    author,
    clock: o.clock,
    prevLink: o.prevLink ?? builtLink(o.spaceId, o.docId, snapshotId, author, o.clock - 1) ?? ZERO_HASH,
  });
  const body = encodeContentBody(header, nonce(), o.ciphertext ?? fakeCiphertext());
  const raw = appendSignature(body, o.author.sign(signingInput(FrameKind.Update, body)));
  recordBuilt(o.spaceId, o.docId, snapshotId, author, o.clock, raw);
  return raw;
}

/** Options of {@link buildSnapshot}. */
export interface SnapshotOptions {
  author: TestIdentity;
  spaceId: Uint8Array;
  docId: Uint8Array;
  snapshotId: Uint8Array;
  parentId?: Uint8Array;
  height: number;
  proof: Uint8Array;
  clocks: AuthorClock[];
  epoch?: number;
  ciphertext?: Uint8Array;
}

/** A signed SNAPSHOT frame with fake ciphertext. */
export function buildSnapshot(o: SnapshotOptions): Uint8Array {
  const header = encodeSnapshotHeader({
    spaceId: o.spaceId,
    docId: o.docId,
    epoch: o.epoch ?? 0,
    snapshotId: o.snapshotId,
    parentId: o.parentId ?? ZERO_ID,
    height: o.height,
    proof: o.proof,
    author: o.author.publicKey,
    // R81: each author's listed link is that of the update built with that clock, by default.
    clocks: o.clocks.map((c) => ({
      ...c,
      link: c.link ?? builtLink(o.spaceId, o.docId, o.parentId ?? ZERO_ID, c.author, c.clock),
    })),
  });
  const body = encodeContentBody(header, nonce(), o.ciphertext ?? fakeCiphertext(96));
  return appendSignature(body, o.author.sign(signingInput(FrameKind.Snapshot, body)));
}

/** Options of {@link buildEphemeral}. */
export interface EphemeralOptions {
  author: TestIdentity;
  spaceId: Uint8Array;
  docId: Uint8Array;
  sequence: number;
  epoch?: number;
  ciphertext?: Uint8Array;
}

/** A signed EPHEMERAL frame with fake ciphertext. */
export function buildEphemeral(o: EphemeralOptions): Uint8Array {
  const header = encodeEphemeralHeader({
    spaceId: o.spaceId,
    docId: o.docId,
    epoch: o.epoch ?? 0,
    author: o.author.publicKey,
    sequence: o.sequence,
  });
  const body = encodeContentBody(header, nonce(), o.ciphertext ?? fakeCiphertext(24));
  return appendSignature(body, o.author.sign(signingInput(FrameKind.Ephemeral, body)));
}

/** Options of {@link buildMembership}. */
export interface MembershipOptions {
  signer: TestIdentity;
  spaceId: Uint8Array;
  seq: number;
  prevHash?: Uint8Array;
  action: number;
  subject: Uint8Array;
  role: number;
  epoch?: number;
  expiresAt?: number;
  /** Recipients of a (fake) sealed key bundle. */
  sealedFor?: Uint8Array[];
  /** R72: defaults to random bytes for GENESIS and ROTATE, zeros otherwise. */
  keyCommit?: Uint8Array;
  /** Sign with this identity while naming `signer` (forged entries). */
  signWith?: TestIdentity;
  /** Version byte to write (R1/R38: entries stored under an older protocol). */
  version?: number;
}

/** A signed MEMBERSHIP entry; sealed bundles are random bytes. */
export function buildMembership(o: MembershipOptions): Uint8Array {
  const body = encodeMembershipBody({
    spaceId: o.spaceId,
    seq: o.seq,
    prevHash: o.prevHash ?? ZERO_HASH,
    signer: o.signer.publicKey,
    action: o.action,
    subject: o.subject,
    role: o.role,
    epoch: o.epoch ?? 0,
    expiresAt: o.expiresAt ?? 0,
    keyCommit:
      o.keyCommit ??
      (o.action === MembershipAction.Genesis || o.action === MembershipAction.Rotate
        ? new Uint8Array(randomBytes(32))
        : ZERO_HASH),
    sealedKeys: (o.sealedFor ?? []).map((recipient) => ({ recipient, sealed: new Uint8Array(randomBytes(80)) })),
  });
  // R121: frames of 3 and 4 end without the device chain's length byte (an empty chain here).
  const written = o.version !== undefined && o.version < 5 ? body.slice(0, body.length - 1) : body;
  if (o.version !== undefined) written[0] = o.version;
  const signer = o.signWith ?? o.signer;
  return appendSignature(written, signer.sign(signingInput(FrameKind.Membership, written)));
}
