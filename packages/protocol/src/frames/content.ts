import { ByteWriter } from '../codec/ByteWriter.js';
import { DOMAIN } from '../constants/domains.js';
import { FrameKind } from '../constants/FrameKind.js';
import { MAX_DEVICE_CHAIN_LINKS } from '../constants/MembershipAction.js';
import { PROTOCOL_VERSION } from '../constants/protocolVersion.js';
import {
  HASH_BYTES,
  ID_BYTES,
  NONCE_BYTES,
  PUBLIC_KEY_BYTES,
  SIGNATURE_BYTES,
  VIEW_HEAD_BYTES,
} from '../constants/sizes.js';
import { concatBytes } from '../util/concatBytes.js';
import { ZERO_HASH } from './zero.js';
import type { EphemeralHeader, MembershipFields, SnapshotHeader, UpdateHeader } from './types.js';

const NONE = 0xffffffff;

/** Size of an UPDATE header (docs/PROTOCOL.md §3.5). */
export const UPDATE_HEADER_BYTES = 135;
/** Size of an EPHEMERAL header (docs/PROTOCOL.md §3.7). */
export const EPHEMERAL_HEADER_BYTES = 86;
/** UPDATE flags bit 0: a signature follows the ciphertext (R51). */
export const UPDATE_FLAG_SIGNED = 1;

function writeView(w: ByteWriter, h: { viewSeq?: number; viewHead?: Uint8Array }): ByteWriter {
  const seq = h.viewSeq ?? -1;
  return w.u32(seq < 0 ? NONE : seq).fixed(h.viewHead ?? new Uint8Array(VIEW_HEAD_BYTES), VIEW_HEAD_BYTES);
}

/** UPDATE header, 135 bytes: the AEAD associated data (docs/PROTOCOL.md §3.5). */
export function encodeUpdateHeader(h: UpdateHeader): Uint8Array {
  const w = new ByteWriter(UPDATE_HEADER_BYTES)
    .u8(PROTOCOL_VERSION)
    .u8(FrameKind.Update)
    .fixed(h.spaceId, ID_BYTES)
    .fixed(h.docId, ID_BYTES)
    .u32(h.epoch)
    .fixed(h.snapshotId, ID_BYTES)
    .fixed(h.author, PUBLIC_KEY_BYTES)
    .u32(h.clock);
  return writeView(w, h)
    .fixed(h.prevLink ?? new Uint8Array(HASH_BYTES), HASH_BYTES)
    .u8(h.signed === false ? 0 : UPDATE_FLAG_SIGNED)
    .finish();
}

/** SNAPSHOT header (152 + 68 per author clock bytes) (docs/PROTOCOL.md §3.6). */
export function encodeSnapshotHeader(h: SnapshotHeader): Uint8Array {
  const w = new ByteWriter(152 + 68 * h.clocks.length)
    .u8(PROTOCOL_VERSION)
    .u8(FrameKind.Snapshot)
    .fixed(h.spaceId, ID_BYTES)
    .fixed(h.docId, ID_BYTES)
    .u32(h.epoch)
    .fixed(h.snapshotId, ID_BYTES)
    .fixed(h.parentId, ID_BYTES)
    .u32(h.height)
    .fixed(h.proof, HASH_BYTES)
    .fixed(h.author, PUBLIC_KEY_BYTES);
  writeView(w, h).u16(h.clocks.length);
  for (const c of h.clocks)
    w.fixed(c.author, PUBLIC_KEY_BYTES)
      .u32(c.clock)
      .fixed(c.link ?? new Uint8Array(HASH_BYTES), HASH_BYTES);
  return w.finish();
}

/** EPHEMERAL header, 86 bytes (docs/PROTOCOL.md §3.7). */
export function encodeEphemeralHeader(h: EphemeralHeader): Uint8Array {
  const w = new ByteWriter(EPHEMERAL_HEADER_BYTES)
    .u8(PROTOCOL_VERSION)
    .u8(FrameKind.Ephemeral)
    .fixed(h.spaceId, ID_BYTES)
    .fixed(h.docId, ID_BYTES)
    .u32(h.epoch)
    .fixed(h.author, PUBLIC_KEY_BYTES)
    .u32(h.sequence);
  return writeView(w, h).finish();
}

/**
 * Whether a content header announces a signature: always for SNAPSHOT and EPHEMERAL, per its
 * SIGNED flag for an UPDATE (R51).
 */
export function headerIsSigned(header: Uint8Array): boolean {
  if (header[1] !== FrameKind.Update) return true;
  return ((header[UPDATE_HEADER_BYTES - 1] ?? 0) & UPDATE_FLAG_SIGNED) !== 0;
}

/**
 * R50: the chain link of a content frame, from its body (header, nonce, length, ciphertext):
 * what the author's next UPDATE on the same snapshot names as `prevLink`. Anyone can compute it,
 * the relay included, without a key.
 */
export function chainLinkInput(body: Uint8Array): Uint8Array {
  return concatBytes(DOMAIN.chainLink, body);
}

/** header ‖ nonce ‖ u32 length ‖ ciphertext: the part of a content frame that is signed. */
export function encodeContentBody(header: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  return new ByteWriter(header.length + NONCE_BYTES + 4 + ciphertext.length + SIGNATURE_BYTES)
    .bytes(header)
    .fixed(nonce, NONCE_BYTES)
    .u32(ciphertext.length)
    .bytes(ciphertext)
    .finish();
}

/** MEMBERSHIP body: everything its signature covers (docs/PROTOCOL.md §3.4). */
export function encodeMembershipBody(m: MembershipFields): Uint8Array {
  const w = new ByteWriter(161 + m.sealedKeys.length * 160 + (m.deviceChain?.length ?? 0) * 100)
    .u8(PROTOCOL_VERSION)
    .u8(FrameKind.Membership)
    .fixed(m.spaceId, ID_BYTES)
    .u32(m.seq)
    .fixed(m.prevHash, HASH_BYTES)
    .fixed(m.signer, PUBLIC_KEY_BYTES)
    .u8(m.action)
    .fixed(m.subject, PUBLIC_KEY_BYTES)
    .u8(m.role)
    .u32(m.epoch)
    .u32(m.expiresAt ?? 0)
    .fixed(m.keyCommit ?? ZERO_HASH, HASH_BYTES)
    .u16(m.sealedKeys.length);
  for (const s of m.sealedKeys) w.fixed(s.recipient, PUBLIC_KEY_BYTES).u16(s.sealed.length).bytes(s.sealed);
  // R121 (protocol 5): the device chain, empty for most entries.
  const chain = m.deviceChain ?? [];
  if (chain.length > MAX_DEVICE_CHAIN_LINKS)
    throw new RangeError(`a device chain has at most ${MAX_DEVICE_CHAIN_LINKS} links`);
  w.u8(chain.length);
  for (const l of chain) w.fixed(l.device, PUBLIC_KEY_BYTES).u32(l.issuedAt).fixed(l.signature, SIGNATURE_BYTES);
  return w.finish();
}

/** Appends the 64-byte signature to a body, giving the frame as sent. */
export function appendSignature(body: Uint8Array, signature: Uint8Array): Uint8Array {
  if (signature.length !== SIGNATURE_BYTES) throw new RangeError('signature must be 64 bytes');
  return concatBytes(body, signature);
}

/** R5: the exact bytes an Ed25519 signature covers for a frame of this kind. */
export function signingInput(kind: number, body: Uint8Array): Uint8Array {
  const domain =
    kind === FrameKind.Update
      ? DOMAIN.update
      : kind === FrameKind.Snapshot
        ? DOMAIN.snapshot
        : kind === FrameKind.Ephemeral
          ? DOMAIN.ephemeral
          : kind === FrameKind.Membership
            ? DOMAIN.membership
            : null;
  if (!domain) throw new RangeError(`frame kind ${kind} is not signed`);
  return concatBytes(domain, body);
}

/**
 * R10, R16: what the client signs to answer a CHALLENGE: the nonce, its HELLO, and the host of
 * the relay it dialled (`relayHostOf`, ≤ 255 bytes, length-prefixed), so that a relay in the
 * middle cannot hand the answer to another relay's challenge.
 */
export function authSigningInput(challengeNonce: Uint8Array, helloRaw: Uint8Array, relayHost: string): Uint8Array {
  const host = new TextEncoder().encode(relayHost);
  if (host.length > 255) throw new RangeError('relay host longer than 255 bytes');
  return concatBytes(DOMAIN.auth, challengeNonce, helloRaw, new Uint8Array([host.length]), host);
}

/**
 * R24: input of the SHA-256 that gives a snapshot's proof, from its parent's proof and the hash
 * of the parent's whole frame. For a first snapshot both are zero hashes.
 */
export function snapshotProofInput(parentProof: Uint8Array, parentFrameHash: Uint8Array): Uint8Array {
  if (parentProof.length !== HASH_BYTES || parentFrameHash.length !== HASH_BYTES) {
    throw new RangeError('proof inputs are 32-byte hashes');
  }
  return concatBytes(DOMAIN.snapshotProof, parentProof, parentFrameHash);
}
