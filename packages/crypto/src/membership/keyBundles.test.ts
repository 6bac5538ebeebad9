import { beforeAll, describe, expect, it } from 'vitest';
import { ready } from '../sodium/sodium.js';
import { generateIdentity } from '../identity/generateIdentity.js';
import { randomBytes } from '../sodium/randomBytes.js';
import { sealToIdentity } from '../keys/sealToIdentity.js';
import { encodeKeyBundle } from '../keys/keyBundle.js';
import { keyCommitment } from './keyCommitment.js';
import { sealKeyBundle } from './sealKeyBundle.js';
import { openVerifiedKeyBundle } from './openVerifiedKeyBundle.js';

beforeAll(async () => {
  await ready();
});

describe('sealed key bundles (R71, R72)', () => {
  const spaceId = new Uint8Array(16).fill(7);
  it('R72: the commitment depends on the key, the space and the epoch', () => {
    const k = randomBytes(32);
    const c = keyCommitment(k, spaceId, 1);
    expect(c).toHaveLength(32);
    expect(keyCommitment(k, spaceId, 1)).toEqual(c);
    expect(keyCommitment(k, spaceId, 2)).not.toEqual(c);
    expect(keyCommitment(randomBytes(32), spaceId, 1)).not.toEqual(c);
    expect(keyCommitment(k, new Uint8Array(16), 1)).not.toEqual(c);
  });

  it('opens a bundle found where it was made, whose keys match the commitments', () => {
    const alice = generateIdentity();
    const k0 = randomBytes(32);
    const k1 = randomBytes(32);
    const commits = new Map([
      [0, keyCommitment(k0, spaceId, 0)],
      [1, keyCommitment(k1, spaceId, 1)],
    ]);
    const ctx = { spaceId, seq: 5, recipient: alice.publicKey, epoch: 1 };
    const sealed = sealKeyBundle(
      ctx,
      new Map([
        [0, k0],
        [1, k1],
      ]),
    );
    expect(openVerifiedKeyBundle(alice, ctx, sealed, commits)).toEqual(
      new Map([
        [0, k0],
        [1, k1],
      ]),
    );
    // R71: the same bundle found in another entry, epoch or space is refused
    for (const other of [{ seq: 6 }, { epoch: 2 }, { spaceId: new Uint8Array(16) }]) {
      expect(() => openVerifiedKeyBundle(alice, { ...ctx, ...other }, sealed, commits)).toThrowError(
        expect.objectContaining({ code: 'KEY_BUNDLE_MISMATCH' }),
      );
    }
    // R72: a key that is not the committed one is refused, whole bundle
    const forged = sealKeyBundle(
      ctx,
      new Map([
        [0, k0],
        [1, randomBytes(32)],
      ]),
    );
    expect(() => openVerifiedKeyBundle(alice, ctx, forged, commits)).toThrowError(
      expect.objectContaining({ code: 'KEY_COMMITMENT_MISMATCH' }),
    );
    // a protocol-2 bundle (no context) is refused
    const old = sealToIdentity(alice.publicKey, encodeKeyBundle(new Map([[0, k0]])));
    expect(() => openVerifiedKeyBundle(alice, ctx, old, commits)).toThrowError(
      expect.objectContaining({ code: 'KEY_BUNDLE_MISMATCH' }),
    );
    // sealed to someone else: DECRYPT_FAILED
    expect(() => openVerifiedKeyBundle(generateIdentity(), ctx, sealed, commits)).toThrowError(
      expect.objectContaining({ code: 'DECRYPT_FAILED' }),
    );
  });
});
