import { ByteWriter } from '../codec/ByteWriter.js';
import { FrameKind } from '../constants/FrameKind.js';
import { PROTOCOL_VERSION } from '../constants/protocolVersion.js';
import { CHALLENGE_BYTES, ID_BYTES, INVITE_WRAP_BYTES, PUBLIC_KEY_BYTES, SIGNATURE_BYTES } from '../constants/sizes.js';
import { LIMITS } from '../constants/limits.js';
import { ZERO_ID } from './zero.js';
import type { AckFrame, ErrorFrame, HelloFrame, InviteWrapFrame, ReadyFrame } from './types.js';

const NONE = 0xffffffff;
const enc = new TextEncoder();

function start(kind: number): ByteWriter {
  return new ByteWriter(96).u8(PROTOCOL_VERSION).u8(kind);
}

/** HELLO: 91 bytes (docs/PROTOCOL.md §3.1). `knownTailCount` defaults to 0 (send the whole tail). */
export function encodeHello(
  h: Omit<HelloFrame, 'kind' | 'raw' | 'knownTailCount' | 'withParent'> & {
    knownTailCount?: number;
    withParent?: boolean;
  },
): Uint8Array {
  return start(FrameKind.Hello)
    .u8((h.create ? 1 : 0) | (h.withParent ? 2 : 0))
    .fixed(h.spaceId, ID_BYTES)
    .fixed(h.docId, ID_BYTES)
    .fixed(h.identity, PUBLIC_KEY_BYTES)
    .u32(h.knownMembershipSeq < 0 ? NONE : h.knownMembershipSeq)
    .fixed(h.knownSnapshotId, ID_BYTES)
    .u32(h.knownTailCount ?? 0)
    .finish();
}

export function encodeChallenge(nonce: Uint8Array): Uint8Array {
  return start(FrameKind.Challenge).fixed(nonce, CHALLENGE_BYTES).finish();
}

export function encodeAuth(signature: Uint8Array): Uint8Array {
  return start(FrameKind.Auth).fixed(signature, SIGNATURE_BYTES).finish();
}

export function encodeReady(r: Omit<ReadyFrame, 'kind' | 'raw'>): Uint8Array {
  return start(FrameKind.Ready)
    .u8(r.role)
    .u32(r.membershipSeq < 0 ? NONE : r.membershipSeq)
    .fixed(r.snapshotId, ID_BYTES)
    .u32(r.snapshotHeight)
    .u32(r.tailCount)
    .u32(r.tailBytes)
    .finish();
}

export function encodeAck(a: Omit<AckFrame, 'kind' | 'raw'>): Uint8Array {
  return start(FrameKind.Ack)
    .u8(a.ackedKind)
    .fixed(a.ref, ID_BYTES)
    .u32(a.number)
    .u32(a.tailCount)
    .u32(a.tailBytes)
    .u8(a.duplicate ? 1 : 0)
    .finish();
}

/** DURABLE: 2 bytes (docs/PROTOCOL.md §3.11). */
export function encodeDurable(): Uint8Array {
  return start(FrameKind.Durable).finish();
}

/** INVITE_WRAP: 70 bytes (docs/PROTOCOL.md §3.12, R75). */
export function encodeInviteWrap(w: Omit<InviteWrapFrame, 'kind' | 'raw'>): Uint8Array {
  return start(FrameKind.InviteWrap)
    .fixed(w.invite, PUBLIC_KEY_BYTES)
    .u32(w.seq)
    .fixed(w.wrap, INVITE_WRAP_BYTES)
    .finish();
}

/** ERROR frame; the message is a short English hint for logs, never content. */
export function encodeError(e: Partial<Omit<ErrorFrame, 'kind' | 'raw' | 'code'>> & { code: number }): Uint8Array {
  let msg = enc.encode(e.message ?? '');
  if (msg.length > LIMITS.maxErrorMessageBytes) {
    // Cut on a UTF-8 character boundary: decodeFrame rejects a split character (R2).
    let cut = LIMITS.maxErrorMessageBytes;
    while (cut > 0 && (msg[cut]! & 0xc0) === 0x80) cut--;
    msg = msg.subarray(0, cut);
  }
  return start(FrameKind.Error)
    .u16(e.code)
    .u8(e.refKind ?? 0)
    .fixed(e.ref ?? ZERO_ID, ID_BYTES)
    .u32(e.refNumber ?? 0)
    .u32(e.rangeFrom ?? 0)
    .u32(e.rangeTo ?? 0)
    .fixed(e.latestSnapshotId ?? ZERO_ID, ID_BYTES)
    .u16(msg.length)
    .bytes(msg)
    .finish();
}
