import { createHash, createPrivateKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FrameKind } from '../constants/FrameKind.js';
import { MembershipAction } from '../constants/MembershipAction.js';
import { Role } from '../constants/Role.js';
import type { DeviceCertLink, MembershipFields } from '../frames/types.js';
import { buildMembership, decodeAs, expectTrameError, filled, rand } from '../testing/fixtures.js';
import { toHex } from '../util/hex.js';
import { accessRoles } from './accessRoles.js';
import { applyMembershipEntry, type MembershipDeps } from './applyMembershipEntry.js';
import { checkDeviceChain } from './checkDeviceChain.js';
import { deviceCertInput } from './deviceCertInput.js';
import { emptyMembershipState } from './emptyMembershipState.js';
import type { MembershipState } from './MembershipState.js';
import { personOf } from './personOf.js';

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());

/** Real Ed25519 keys (node:crypto): the chain's signatures are checked for real. */
interface Key {
  pk: Uint8Array;
  sk: KeyObject;
}
function key(): Key {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    pk: new Uint8Array(spki.subarray(spki.length - 32)),
    sk: createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' })),
  };
}
const ed25519Verify = (pk: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean => {
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(pk)]);
  return verify(null, msg, { key: spki, format: 'der', type: 'spki' }, sig);
};
const deps: MembershipDeps = { verifyEntrySignature: () => true, sha256, verifySignature: ed25519Verify };

/** `issuer` certifies `device` as a device of `person` (R120). */
function certify(person: Key, issuer: Key, device: Key, issuedAt = 1_900_000_000): DeviceCertLink {
  const signature = new Uint8Array(sign(null, deviceCertInput(person.pk, issuer.pk, device.pk, issuedAt), issuer.sk));
  return { device: device.pk, issuedAt, signature };
}

const SPACE = filled(16, 0x5c);
const ALICE = key(); // person key, held by her laptop
const PHONE = key(); // linked by the laptop
const TABLET = key(); // linked by the phone
const BOB = key();
const INVITE = key();
const box = (...to: Uint8Array[]) => to.map((recipient) => ({ recipient, sealed: rand(120) }));
const hex = toHex;

function apply(s: MembershipState, over: Partial<MembershipFields>, d: MembershipDeps = deps): MembershipState {
  const raw = buildMembership({ spaceId: SPACE, seq: s.seq + 1, prevHash: s.headHash, epoch: s.epoch, ...over });
  return applyMembershipEntry(s, decodeAs(raw, FrameKind.Membership), d);
}
function rejects(s: MembershipState, over: Partial<MembershipFields>, why: RegExp, code = 'INVALID_MEMBERSHIP'): void {
  const e = expectTrameError(() => apply(s, over), code as never);
  expect(e.message).toMatch(why);
}
const genesisOnPhone = (over: Partial<MembershipFields> = {}): Partial<MembershipFields> => ({
  signer: PHONE.pk,
  subject: ALICE.pk,
  action: MembershipAction.Genesis,
  role: Role.Admin,
  epoch: 0,
  keyCommit: filled(32, 0xc0),
  sealedKeys: box(ALICE.pk, PHONE.pk),
  deviceChain: [certify(ALICE, ALICE, PHONE)],
  ...over,
});
const empty = () => emptyMembershipState(SPACE);

/** BOB's space with a pending editor INVITE. */
function bobsSpace(): MembershipState {
  let s = apply(empty(), {
    signer: BOB.pk,
    subject: BOB.pk,
    action: MembershipAction.Genesis,
    role: Role.Admin,
    keyCommit: filled(32, 0xc0),
    sealedKeys: box(BOB.pk),
  });
  s = apply(s, {
    signer: BOB.pk,
    subject: INVITE.pk,
    action: MembershipAction.Invite,
    role: Role.Editor,
    sealedKeys: box(INVITE.pk),
  });
  return s;
}
const acceptOnPhone = (over: Partial<MembershipFields> = {}): Partial<MembershipFields> => ({
  signer: INVITE.pk,
  subject: ALICE.pk,
  action: MembershipAction.Accept,
  role: Role.Editor,
  sealedKeys: box(ALICE.pk, PHONE.pk),
  deviceChain: [certify(ALICE, ALICE, PHONE)],
  ...over,
});

describe('R120: device chains', () => {
  it('R120: one link signed by the person, or a chain through her devices, certifies its last device', () => {
    expect(checkDeviceChain(ALICE.pk, [certify(ALICE, ALICE, PHONE)], ed25519Verify)).toEqual(PHONE.pk);
    const two = [certify(ALICE, ALICE, PHONE), certify(ALICE, PHONE, TABLET)];
    expect(checkDeviceChain(ALICE.pk, two, ed25519Verify)).toEqual(TABLET.pk);
  });

  it('R120: a link signed by someone else, for another person, or altered is BAD_SIGNATURE', () => {
    const bad = (chain: DeviceCertLink[]) => {
      const e = checkDeviceChain(ALICE.pk, chain, ed25519Verify);
      expect(e instanceof Error && (e as { code?: string }).code).toBe('BAD_SIGNATURE');
    };
    bad([certify(ALICE, BOB, PHONE)]); // Bob signs "PHONE is Alice's"
    bad([certify(BOB, BOB, PHONE)]); // Bob's own link, replayed under Alice
    bad([certify(ALICE, ALICE, PHONE, 1)].map((l) => ({ ...l, issuedAt: 2 })));
    bad([certify(ALICE, ALICE, PHONE), certify(ALICE, ALICE, TABLET)]); // second link not by PHONE
    // no verifier, no trust
    const e = checkDeviceChain(ALICE.pk, [certify(ALICE, ALICE, PHONE)], undefined);
    expect((e as { code?: string }).code).toBe('BAD_SIGNATURE');
  });

  it('R120: empty, over 3 links, a repeated key or the person as its own device is INVALID_MEMBERSHIP', () => {
    const invalid = (chain: DeviceCertLink[]) => {
      const e = checkDeviceChain(ALICE.pk, chain, ed25519Verify);
      expect((e as { code?: string }).code).toBe('INVALID_MEMBERSHIP');
    };
    invalid([]);
    const d = [key(), key(), key()];
    invalid([
      certify(ALICE, ALICE, PHONE),
      certify(ALICE, PHONE, d[0]!),
      certify(ALICE, d[0]!, d[1]!),
      certify(ALICE, d[1]!, d[2]!),
    ]);
    invalid([certify(ALICE, ALICE, PHONE), certify(ALICE, PHONE, PHONE)]);
    invalid([certify(ALICE, ALICE, ALICE)]);
    invalid([{ device: new Uint8Array(32), issuedAt: 0, signature: rand(64) }]); // small order (R36)
  });
});

describe('R122: GENESIS made on a linked device', () => {
  it('R122: the person is the creator and admin; the signing device is hers, admitted with her role', () => {
    const s = apply(empty(), genesisOnPhone());
    expect([...s.members]).toEqual([[hex(ALICE.pk), Role.Admin]]);
    expect(personOf(s, hex(PHONE.pk))).toBe(hex(ALICE.pk));
    // R98: the relay's rows (what AUTH and R23 read) admit the phone as an animateur.
    expect(accessRoles(s).get(hex(PHONE.pk))).toBe(Role.Admin);
    expect(s.epochWriters.get(0)?.has(hex(PHONE.pk))).toBe(true);
    // A second device of hers, linked through the phone's chain, creates one too.
    const t = apply(
      empty(),
      genesisOnPhone({
        signer: TABLET.pk,
        sealedKeys: box(ALICE.pk, TABLET.pk),
        deviceChain: [certify(ALICE, ALICE, PHONE), certify(ALICE, PHONE, TABLET)],
      }),
    );
    expect(personOf(t, hex(TABLET.pk))).toBe(hex(ALICE.pk));
    expect(t.devices.has(hex(PHONE.pk))).toBe(false);
  });

  it('R122: the chain must certify the signer, for the subject', () => {
    rejects(
      empty(),
      genesisOnPhone({ signer: TABLET.pk, sealedKeys: box(ALICE.pk, TABLET.pk) }),
      /certifies its signer/,
    );
    // Bob cannot make a space "created by Alice" with his own key, nor with Alice's chain.
    rejects(empty(), genesisOnPhone({ signer: BOB.pk, sealedKeys: box(ALICE.pk, BOB.pk) }), /certifies its signer/);
    rejects(
      empty(),
      genesisOnPhone({ subject: BOB.pk, sealedKeys: box(BOB.pk, PHONE.pk) }),
      /link does not verify/,
      'BAD_SIGNATURE',
    );
  });

  it('R122: exactly one bundle to the person and one to the device', () => {
    rejects(empty(), genesisOnPhone({ sealedKeys: box(PHONE.pk) }), /person and the device/);
    rejects(empty(), genesisOnPhone({ sealedKeys: box(ALICE.pk) }), /person and the device/);
    rejects(empty(), genesisOnPhone({ sealedKeys: box(ALICE.pk, PHONE.pk, BOB.pk) }), /person and the device/);
    rejects(empty(), genesisOnPhone({ sealedKeys: box(PHONE.pk, PHONE.pk) }), /person and the device/);
    rejects(empty(), genesisOnPhone({ role: Role.Editor }), /admin, epoch 0/);
  });

  it('R120: a fold without a signature verifier refuses chains (BAD_SIGNATURE)', () => {
    const e = expectTrameError(
      () => apply(empty(), genesisOnPhone(), { verifyEntrySignature: () => true, sha256 }),
      'BAD_SIGNATURE',
    );
    expect(e.message).toMatch(/no verifier/);
  });
});

describe('R123: ACCEPT made on a linked device', () => {
  it('R123: the person joins with the invite role; the certified device is hers; the invite is used', () => {
    const s = apply(bobsSpace(), acceptOnPhone());
    expect(s.members.get(hex(ALICE.pk))).toBe(Role.Editor);
    expect(personOf(s, hex(PHONE.pk))).toBe(hex(ALICE.pk));
    expect(accessRoles(s).get(hex(PHONE.pk))).toBe(Role.Editor);
    expect(s.invites.size).toBe(0);
    expect(s.epochWriters.get(0)?.has(hex(PHONE.pk))).toBe(true);
  });

  it('R123: bundles to the person and the device only; a device already in the space is refused', () => {
    rejects(bobsSpace(), acceptOnPhone({ sealedKeys: box(ALICE.pk) }), /person and the device/);
    rejects(bobsSpace(), acceptOnPhone({ sealedKeys: box(PHONE.pk, BOB.pk) }), /person and the device/);
    // the invite identity as "device" of Alice
    const self = [certify(ALICE, ALICE, INVITE)];
    rejects(
      bobsSpace(),
      acceptOnPhone({ deviceChain: self, sealedKeys: box(ALICE.pk, INVITE.pk) }),
      /already in the space/,
    );
    rejects(
      bobsSpace(),
      acceptOnPhone({ deviceChain: [certify(ALICE, BOB, PHONE)] }),
      /does not verify/,
      'BAD_SIGNATURE',
    );
  });
});

describe('R124: a chain only on GENESIS and ACCEPT', () => {
  it('R124: DEVICE_ADD, ADD or any other entry carrying a chain is INVALID_MEMBERSHIP', () => {
    const s = apply(bobsSpace(), acceptOnPhone());
    rejects(
      s,
      {
        signer: PHONE.pk,
        subject: TABLET.pk,
        action: MembershipAction.DeviceAdd,
        role: Role.None,
        sealedKeys: box(TABLET.pk),
        deviceChain: [certify(ALICE, PHONE, TABLET)],
      },
      /only GENESIS and ACCEPT/,
    );
    rejects(
      s,
      {
        signer: BOB.pk,
        subject: key().pk,
        action: MembershipAction.Add,
        role: Role.Viewer,
        sealedKeys: box(rand(32)),
        deviceChain: [certify(ALICE, ALICE, PHONE)],
      },
      /only GENESIS and ACCEPT/,
    );
  });
});
