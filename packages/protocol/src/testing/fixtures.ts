import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { MembershipAction } from '../constants/MembershipAction.js';
import { Role } from '../constants/Role.js';
import type { ErrorCode } from '../errors/errorCodes.js';
import { TrameError } from '../errors/TrameError.js';
import {
  appendSignature,
  encodeContentBody,
  encodeEphemeralHeader,
  encodeMembershipBody,
  encodeSnapshotHeader,
  encodeUpdateHeader,
} from '../frames/content.js';
import { decodeFrame } from '../frames/decodeFrame.js';
import type { EphemeralHeader, Frame, MembershipFields, SnapshotHeader, UpdateHeader } from '../frames/types.js';
import { toHex } from '../util/hex.js';
import { ZERO_HASH } from '../frames/zero.js';

/** Test helpers only (excluded from the build by tsconfig.build.json). */

export function rand(n: number): Uint8Array {
  return new Uint8Array(randomBytes(n));
}

/** Bytes 0..n-1 filled with one value: easy to spot in a layout. */
export function filled(n: number, value: number): Uint8Array {
  return new Uint8Array(n).fill(value);
}

export function u16At(raw: Uint8Array, off: number): number {
  return new DataView(raw.buffer, raw.byteOffset, raw.byteLength).getUint16(off);
}

export function u32At(raw: Uint8Array, off: number): number {
  return new DataView(raw.buffer, raw.byteOffset, raw.byteLength).getUint32(off);
}

/** Runs `fn` and returns the TrameError it throws, failing the test if it throws nothing else. */
export function catchTrame(fn: () => unknown): TrameError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TrameError);
    return e as TrameError;
  }
  throw new Error('expected a TrameError, nothing was thrown');
}

export function expectTrameError(fn: () => unknown, code: ErrorCode): TrameError {
  const e = catchTrame(fn);
  expect(e.code).toBe(code);
  return e;
}

export function updateHeader(over: Partial<UpdateHeader> = {}): UpdateHeader {
  return {
    spaceId: filled(16, 0xa1),
    docId: filled(16, 0xa2),
    epoch: 0x01020304,
    snapshotId: filled(16, 0xa3),
    author: filled(32, 0xa4),
    clock: 0x0a0b0c0d,
    ...over,
  };
}

export function buildUpdate(
  over: Partial<UpdateHeader> = {},
  ciphertext: Uint8Array = rand(40),
  nonce: Uint8Array = rand(24),
  signature: Uint8Array = rand(64),
): Uint8Array {
  return appendSignature(encodeContentBody(encodeUpdateHeader(updateHeader(over)), nonce, ciphertext), signature);
}

export function snapshotHeader(over: Partial<SnapshotHeader> = {}): SnapshotHeader {
  return {
    spaceId: filled(16, 0xb1),
    docId: filled(16, 0xb2),
    epoch: 7,
    snapshotId: filled(16, 0xb3),
    parentId: filled(16, 0xb4),
    height: 3,
    proof: filled(32, 0xb5),
    author: filled(32, 0xb6),
    clocks: [
      { author: filled(32, 0xc1), clock: 11 },
      { author: filled(32, 0xc2), clock: 0xfffffffe },
    ],
    ...over,
  };
}

export function buildSnapshot(
  over: Partial<SnapshotHeader> = {},
  ciphertext: Uint8Array = rand(64),
  nonce: Uint8Array = rand(24),
  signature: Uint8Array = rand(64),
): Uint8Array {
  return appendSignature(encodeContentBody(encodeSnapshotHeader(snapshotHeader(over)), nonce, ciphertext), signature);
}

export function ephemeralHeader(over: Partial<EphemeralHeader> = {}): EphemeralHeader {
  return {
    spaceId: filled(16, 0xd1),
    docId: filled(16, 0xd2),
    epoch: 2,
    author: filled(32, 0xd3),
    sequence: 99,
    ...over,
  };
}

export function buildEphemeral(
  over: Partial<EphemeralHeader> = {},
  ciphertext: Uint8Array = rand(20),
  nonce: Uint8Array = rand(24),
  signature: Uint8Array = rand(64),
): Uint8Array {
  return appendSignature(encodeContentBody(encodeEphemeralHeader(ephemeralHeader(over)), nonce, ciphertext), signature);
}

export function membershipFields(over: Partial<MembershipFields> = {}): MembershipFields {
  const admin = filled(32, 0xe1);
  return {
    spaceId: filled(16, 0xe0),
    seq: 0,
    prevHash: ZERO_HASH,
    signer: admin,
    action: MembershipAction.Genesis,
    subject: admin,
    role: Role.Admin,
    epoch: 0,
    sealedKeys: [{ recipient: admin, sealed: rand(80) }],
    ...over,
  };
}

export function buildMembership(over: Partial<MembershipFields> = {}, signature: Uint8Array = rand(64)): Uint8Array {
  return appendSignature(encodeMembershipBody(membershipFields(over)), signature);
}

/** Decodes a frame and checks its kind, narrowing the type. */
export function decodeAs<K extends Frame['kind']>(raw: Uint8Array, kind: K): Extract<Frame, { kind: K }> {
  const f = decodeFrame(raw);
  expect(f.kind).toBe(kind);
  return f as Extract<Frame, { kind: K }>;
}

/** Byte equality with a readable hex diff on failure. */
export function expectBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(toHex(actual)).toBe(toHex(expected));
}
