import { ByteReader } from '../codec/ByteReader.js';
import { FrameKind } from '../constants/FrameKind.js';
import { LIMITS } from '../constants/limits.js';
import {
  isDeviceAction,
  isMembershipAction,
  MAX_DEVICE_CHAIN_LINKS,
  MEMBERSHIP_DEVICE_ACTIONS_SINCE,
  MEMBERSHIP_DEVICE_CHAIN_SINCE,
} from '../constants/MembershipAction.js';
import { isReadableProtocolVersion } from '../constants/protocolVersion.js';
import { isRole } from '../constants/Role.js';
import {
  AEAD_TAG_BYTES,
  CHALLENGE_BYTES,
  HASH_BYTES,
  ID_BYTES,
  INVITE_WRAP_BYTES,
  NONCE_BYTES,
  PUBLIC_KEY_BYTES,
  SIGNATURE_BYTES,
  VIEW_HEAD_BYTES,
} from '../constants/sizes.js';
import { UPDATE_FLAG_SIGNED } from './content.js';
import { TrameError } from '../errors/TrameError.js';
import type { AuthorClock, ContentParts, DeviceCertLink, Frame, SealedKey } from './types.js';

const NONE = 0xffffffff;
const dec = new TextDecoder('utf-8', { fatal: true });

function maxBytesFor(kind: number): number {
  switch (kind) {
    case FrameKind.Update:
      return LIMITS.maxUpdateBytes;
    case FrameKind.Snapshot:
      return LIMITS.maxSnapshotBytes;
    case FrameKind.Ephemeral:
      return LIMITS.maxEphemeralBytes;
    case FrameKind.Membership:
      return LIMITS.maxMembershipBytes;
    default:
      return 4096;
  }
}

function readView(r: ByteReader): { viewSeq: number; viewHead: Uint8Array } {
  const seq = r.u32('viewSeq');
  return { viewSeq: seq === NONE ? -1 : seq, viewHead: r.take(VIEW_HEAD_BYTES, 'viewHead') };
}

function readContent(r: ByteReader, raw: Uint8Array, headerEnd: number, signed = true): ContentParts {
  const nonce = r.take(NONCE_BYTES, 'nonce');
  const len = r.u32('ciphertext length');
  if (len < AEAD_TAG_BYTES) throw new TrameError('MALFORMED_FRAME', 'ciphertext shorter than its tag');
  const sigBytes = signed ? SIGNATURE_BYTES : 0;
  if (len !== r.remaining - sigBytes) {
    throw new TrameError('MALFORMED_FRAME', 'ciphertext length does not match the frame');
  }
  const ciphertext = r.take(len, 'ciphertext');
  const bodyEnd = r.offset;
  const signature = signed ? r.take(SIGNATURE_BYTES, 'signature') : new Uint8Array(0);
  r.end();
  return {
    header: raw.subarray(0, headerEnd),
    nonce,
    ciphertext,
    body: raw.subarray(0, bodyEnd),
    signature,
    raw,
  };
}

/**
 * Parses one frame strictly (R1-R4): known version and kind, size within the kind's limit,
 * every field in bounds, enumerations valid, no trailing bytes. Throws a TrameError
 * (MALFORMED_FRAME, UNSUPPORTED_VERSION or FRAME_TOO_LARGE); never returns a partial frame.
 * Returned byte fields are views into `raw`: copy them before keeping `raw`'s buffer alive
 * longer than needed.
 */
export function decodeFrame(raw: Uint8Array): Frame {
  if (raw.length > LIMITS.maxFrameBytes) throw new TrameError('FRAME_TOO_LARGE', `frame of ${raw.length} bytes`);
  const r = new ByteReader(raw);
  const version = r.u8('version');
  // R1: version 4 is written; frames stored under 3 (same layouts) are still read.
  if (!isReadableProtocolVersion(version)) throw new TrameError('UNSUPPORTED_VERSION', `version ${version}`);
  const kind = r.u8('kind');
  if (raw.length > maxBytesFor(kind)) {
    throw new TrameError('FRAME_TOO_LARGE', `frame of ${raw.length} bytes over ${maxBytesFor(kind)}`);
  }
  switch (kind) {
    case FrameKind.Hello: {
      const flags = r.u8('flags');
      if (flags > 3) throw new TrameError('MALFORMED_FRAME', 'unknown HELLO flags');
      const spaceId = r.take(ID_BYTES, 'spaceId');
      const docId = r.take(ID_BYTES, 'docId');
      const identity = r.take(PUBLIC_KEY_BYTES, 'identity');
      const seq = r.u32('knownMembershipSeq');
      const knownSnapshotId = r.take(ID_BYTES, 'knownSnapshotId');
      const knownTailCount = r.u32('knownTailCount');
      r.end();
      return {
        kind,
        create: (flags & 1) !== 0,
        withParent: (flags & 2) !== 0,
        spaceId,
        docId,
        identity,
        knownMembershipSeq: seq === NONE ? -1 : seq,
        knownSnapshotId,
        knownTailCount,
        raw,
      };
    }
    case FrameKind.Challenge: {
      const nonce = r.take(CHALLENGE_BYTES, 'nonce');
      r.end();
      return { kind, nonce, raw };
    }
    case FrameKind.Auth: {
      const signature = r.take(SIGNATURE_BYTES, 'signature');
      r.end();
      return { kind, signature, raw };
    }
    case FrameKind.Ready: {
      const role = r.u8('role');
      const seq = r.u32('membershipSeq');
      const snapshotId = r.take(ID_BYTES, 'snapshotId');
      const snapshotHeight = r.u32('snapshotHeight');
      const tailCount = r.u32('tailCount');
      const tailBytes = r.u32('tailBytes');
      r.end();
      return {
        kind,
        role,
        membershipSeq: seq === NONE ? -1 : seq,
        snapshotId,
        snapshotHeight,
        tailCount,
        tailBytes,
        raw,
      };
    }
    case FrameKind.Membership: {
      const spaceId = r.take(ID_BYTES, 'spaceId');
      const seq = r.u32('seq');
      const prevHash = r.take(HASH_BYTES, 'prevHash');
      const signer = r.take(PUBLIC_KEY_BYTES, 'signer');
      const action = r.u8('action');
      if (!isMembershipAction(action)) throw new TrameError('MALFORMED_FRAME', `unknown action ${action}`);
      // R93: the device actions exist from version 4 on; a version 3 frame never carries them.
      if (version < MEMBERSHIP_DEVICE_ACTIONS_SINCE && isDeviceAction(action)) {
        throw new TrameError('MALFORMED_FRAME', `action ${action} needs protocol ${MEMBERSHIP_DEVICE_ACTIONS_SINCE}`);
      }
      const subject = r.take(PUBLIC_KEY_BYTES, 'subject');
      const role = r.u8('role');
      if (!isRole(role)) throw new TrameError('MALFORMED_FRAME', `unknown role ${role}`);
      const epoch = r.u32('epoch');
      const expiresAt = r.u32('expiresAt');
      const keyCommit = r.take(HASH_BYTES, 'keyCommit');
      const count = r.u16('sealedCount');
      if (count > LIMITS.maxSealedKeys) throw new TrameError('MALFORMED_FRAME', 'too many sealed keys');
      const sealedKeys: SealedKey[] = [];
      for (let i = 0; i < count; i++) {
        const recipient = r.take(PUBLIC_KEY_BYTES, 'recipient');
        const len = r.u16('sealed length');
        if (len > LIMITS.maxSealedKeyBytes) throw new TrameError('MALFORMED_FRAME', 'sealed key too long');
        sealedKeys.push({ recipient, sealed: r.take(len, 'sealed key') });
      }
      // R121: from version 5 on, the device chain (frames under 3 and 4 have no such field).
      const deviceChain: DeviceCertLink[] = [];
      if (version >= MEMBERSHIP_DEVICE_CHAIN_SINCE) {
        const links = r.u8('chainLength');
        if (links > MAX_DEVICE_CHAIN_LINKS) throw new TrameError('MALFORMED_FRAME', 'device chain too long');
        for (let i = 0; i < links; i++) {
          const device = r.take(PUBLIC_KEY_BYTES, 'chain device');
          const issuedAt = r.u32('chain issuedAt');
          deviceChain.push({ device, issuedAt, signature: r.take(SIGNATURE_BYTES, 'chain signature') });
        }
      }
      const bodyEnd = r.offset;
      const signature = r.take(SIGNATURE_BYTES, 'signature');
      r.end();
      return {
        kind,
        spaceId,
        seq,
        prevHash,
        signer,
        action,
        subject,
        role,
        epoch,
        expiresAt,
        keyCommit,
        sealedKeys,
        deviceChain,
        body: raw.subarray(0, bodyEnd),
        signature,
        raw,
      };
    }
    case FrameKind.Update: {
      const spaceId = r.take(ID_BYTES, 'spaceId');
      const docId = r.take(ID_BYTES, 'docId');
      const epoch = r.u32('epoch');
      const snapshotId = r.take(ID_BYTES, 'snapshotId');
      const author = r.take(PUBLIC_KEY_BYTES, 'author');
      const clock = r.u32('clock');
      if (clock === 0) throw new TrameError('MALFORMED_FRAME', 'clocks start at 1');
      const { viewSeq, viewHead } = readView(r);
      const prevLink = r.take(HASH_BYTES, 'prevLink');
      const flags = r.u8('flags');
      if ((flags & ~UPDATE_FLAG_SIGNED) !== 0) throw new TrameError('MALFORMED_FRAME', 'unknown update flags');
      const signed = (flags & UPDATE_FLAG_SIGNED) !== 0;
      const parts = readContent(r, raw, r.offset, signed);
      return { kind, spaceId, docId, epoch, snapshotId, author, clock, viewSeq, viewHead, prevLink, signed, ...parts };
    }
    case FrameKind.Snapshot: {
      const spaceId = r.take(ID_BYTES, 'spaceId');
      const docId = r.take(ID_BYTES, 'docId');
      const epoch = r.u32('epoch');
      const snapshotId = r.take(ID_BYTES, 'snapshotId');
      const parentId = r.take(ID_BYTES, 'parentId');
      const height = r.u32('height');
      if (height === 0) throw new TrameError('MALFORMED_FRAME', 'heights start at 1');
      const proof = r.take(HASH_BYTES, 'proof');
      const author = r.take(PUBLIC_KEY_BYTES, 'author');
      const { viewSeq, viewHead } = readView(r);
      const n = r.u16('clockCount');
      if (n > LIMITS.maxSnapshotAuthors) throw new TrameError('MALFORMED_FRAME', 'too many authors');
      const clocks: Array<Required<AuthorClock>> = [];
      for (let i = 0; i < n; i++) {
        clocks.push({
          author: r.take(PUBLIC_KEY_BYTES, 'clock author'),
          clock: r.u32('clock'),
          link: r.take(HASH_BYTES, 'clock link'),
        });
      }
      const parts = readContent(r, raw, r.offset);
      return {
        kind,
        spaceId,
        docId,
        epoch,
        snapshotId,
        parentId,
        height,
        proof,
        author,
        viewSeq,
        viewHead,
        clocks,
        ...parts,
      };
    }
    case FrameKind.Ephemeral: {
      const spaceId = r.take(ID_BYTES, 'spaceId');
      const docId = r.take(ID_BYTES, 'docId');
      const epoch = r.u32('epoch');
      const author = r.take(PUBLIC_KEY_BYTES, 'author');
      const sequence = r.u32('sequence');
      const { viewSeq, viewHead } = readView(r);
      const parts = readContent(r, raw, r.offset);
      return { kind, spaceId, docId, epoch, author, sequence, viewSeq, viewHead, ...parts };
    }
    case FrameKind.Durable: {
      r.end();
      return { kind, raw };
    }
    case FrameKind.InviteWrap: {
      const invite = r.take(PUBLIC_KEY_BYTES, 'invite');
      const seq = r.u32('seq');
      const wrap = r.take(INVITE_WRAP_BYTES, 'wrap');
      r.end();
      return { kind, invite, seq, wrap, raw };
    }
    case FrameKind.Ack: {
      const ackedKind = r.u8('ackedKind');
      const ref = r.take(ID_BYTES, 'ref');
      const number = r.u32('number');
      const tailCount = r.u32('tailCount');
      const tailBytes = r.u32('tailBytes');
      const flags = r.u8('flags');
      if (flags > 1) throw new TrameError('MALFORMED_FRAME', 'unknown ACK flags');
      r.end();
      return { kind, ackedKind, ref, number, tailCount, tailBytes, duplicate: flags === 1, raw };
    }
    case FrameKind.Error: {
      const code = r.u16('code');
      const refKind = r.u8('refKind');
      const ref = r.take(ID_BYTES, 'ref');
      const refNumber = r.u32('refNumber');
      const rangeFrom = r.u32('rangeFrom');
      const rangeTo = r.u32('rangeTo');
      const latestSnapshotId = r.take(ID_BYTES, 'latestSnapshotId');
      const len = r.u16('message length');
      if (len > LIMITS.maxErrorMessageBytes) throw new TrameError('MALFORMED_FRAME', 'error message too long');
      let message: string;
      try {
        message = dec.decode(r.take(len, 'message'));
      } catch {
        throw new TrameError('MALFORMED_FRAME', 'error message is not UTF-8');
      }
      r.end();
      return { kind, code, refKind, ref, refNumber, rangeFrom, rangeTo, latestSnapshotId, message, raw };
    }
    default:
      throw new TrameError('MALFORMED_FRAME', `unknown frame kind ${kind}`);
  }
}
