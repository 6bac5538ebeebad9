import { beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, MembershipAction, Role, ZERO_HASH, type MembershipFrame } from '@trame/protocol';
import { ready } from '../sodium/sodium.js';
import { generateIdentity } from '../identity/generateIdentity.js';
import { identityFromSecretKey } from '../identity/identityFromSecretKey.js';
import { randomBytes } from '../sodium/randomBytes.js';
import { deriveDocKey } from './deriveDocKey.js';
import { decodeKeyBundle, encodeKeyBundle } from './keyBundle.js';
import { sealToIdentity } from './sealToIdentity.js';
import { openSealed } from './openSealed.js';
import { signMembershipEntry } from '../membership/signMembershipEntry.js';
import { verifyMembershipEntry } from '../membership/verifyMembershipEntry.js';

beforeAll(async () => {
  await ready();
});

describe('keys', () => {
  it('rebuilds an identity from its secret key', () => {
    const a = generateIdentity();
    const b = identityFromSecretKey(a.secretKey);
    expect(b.publicKey).toEqual(a.publicKey);
    expect(b.boxPublicKey).toEqual(a.boxPublicKey);
  });

  it('derives distinct document keys per document and per space key', () => {
    const k = randomBytes(32);
    const d1 = randomBytes(16);
    const d2 = randomBytes(16);
    expect(deriveDocKey(k, d1)).toEqual(deriveDocKey(k, d1));
    expect(deriveDocKey(k, d1)).not.toEqual(deriveDocKey(k, d2));
    expect(deriveDocKey(randomBytes(32), d1)).not.toEqual(deriveDocKey(k, d1));
  });

  it('seals a key bundle that only the recipient opens', () => {
    const alice = generateIdentity();
    const eve = generateIdentity();
    const bundle = new Map([
      [0, randomBytes(32)],
      [1, randomBytes(32)],
    ]);
    const sealed = sealToIdentity(alice.publicKey, encodeKeyBundle(bundle));
    expect(decodeKeyBundle(openSealed(alice, sealed))).toEqual(bundle);
    expect(() => openSealed(eve, sealed)).toThrowError(expect.objectContaining({ code: 'DECRYPT_FAILED' }));
  });

  it('signs membership entries that verify, and detects a changed role (R31)', () => {
    const admin = generateIdentity();
    const raw = signMembershipEntry(
      {
        spaceId: randomBytes(16),
        seq: 0,
        prevHash: ZERO_HASH,
        signer: admin.publicKey,
        action: MembershipAction.Genesis,
        subject: admin.publicKey,
        role: Role.Admin,
        epoch: 0,
        sealedKeys: [{ recipient: admin.publicKey, sealed: randomBytes(120) }],
      },
      admin,
    );
    expect(verifyMembershipEntry(decodeFrame(raw) as MembershipFrame)).toBe(true);
    const tampered = raw.slice();
    tampered[119] = Role.Viewer;
    expect(verifyMembershipEntry(decodeFrame(tampered) as MembershipFrame)).toBe(false);
  });
});
