import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FrameKind } from '../constants/FrameKind.js';
import { MembershipAction } from '../constants/MembershipAction.js';
import { Role } from '../constants/Role.js';
import type { MembershipFields } from '../frames/types.js';
import { buildMembership, decodeAs, expectTrameError, filled, rand } from '../testing/fixtures.js';
import { toHex } from '../util/hex.js';
import { accessRoles } from './accessRoles.js';
import { applyMembershipEntry, type MembershipDeps } from './applyMembershipEntry.js';
import { devicesOf } from './devicesOf.js';
import { emptyMembershipState } from './emptyMembershipState.js';
import { keyHolders } from './keyHolders.js';
import type { MembershipState } from './MembershipState.js';
import { personOf } from './personOf.js';
import { roleOfKey } from './roleOfKey.js';

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());
const deps: MembershipDeps = { verifyEntrySignature: () => true, sha256 };
const SPACE = filled(16, 0x5a);
const ADMIN = filled(32, 0x01);
const ALICE = filled(32, 0x0a);
const BOB = filled(32, 0x0b);
const PHONE = filled(32, 0x3a); // Alice's phone
const TABLET = filled(32, 0x3b); // Alice's tablet
const BOB_PHONE = filled(32, 0x3c);
const INVITE = filled(32, 0x1e);
const hex = toHex;
const box = (...to: Uint8Array[]) => to.map((recipient) => ({ recipient, sealed: rand(120) }));

function apply(s: MembershipState, over: Partial<MembershipFields>): MembershipState {
  const raw = buildMembership({
    spaceId: SPACE,
    seq: s.seq + 1,
    prevHash: s.headHash,
    epoch: s.epoch,
    expiresAt: 0,
    ...over,
  });
  return applyMembershipEntry(s, decodeAs(raw, FrameKind.Membership), deps);
}
function rejects(s: MembershipState, over: Partial<MembershipFields>, why: RegExp, code = 'INVALID_MEMBERSHIP'): void {
  const e = expectTrameError(() => apply(s, over), code as never);
  expect(e.message).toMatch(why);
}
const deviceAdd = (signer: Uint8Array, device: Uint8Array): Partial<MembershipFields> => ({
  signer,
  subject: device,
  action: MembershipAction.DeviceAdd,
  role: Role.None,
  sealedKeys: box(device),
});
const deviceRemove = (signer: Uint8Array, device: Uint8Array): Partial<MembershipFields> => ({
  signer,
  subject: device,
  action: MembershipAction.DeviceRemove,
  role: Role.None,
  sealedKeys: [],
});
const rotate = (signer: Uint8Array, subject: Uint8Array, sealedKeys: ReturnType<typeof box>, epoch = 1) => ({
  signer,
  subject,
  action: MembershipAction.Rotate,
  role: Role.None,
  epoch,
  keyCommit: filled(32, 0xc1),
  sealedKeys,
});

/** ADMIN; ALICE editor with her PHONE linked; BOB viewer; a pending INVITE. */
function space(): MembershipState {
  let s = apply(emptyMembershipState(SPACE), {
    signer: ADMIN,
    subject: ADMIN,
    action: MembershipAction.Genesis,
    role: Role.Admin,
    keyCommit: filled(32, 0xc0),
    sealedKeys: box(ADMIN),
  });
  s = apply(s, {
    signer: ADMIN,
    subject: ALICE,
    action: MembershipAction.Add,
    role: Role.Editor,
    sealedKeys: box(ALICE),
  });
  s = apply(s, { signer: ADMIN, subject: BOB, action: MembershipAction.Add, role: Role.Viewer, sealedKeys: box(BOB) });
  s = apply(s, {
    signer: ADMIN,
    subject: INVITE,
    action: MembershipAction.Invite,
    role: Role.Editor,
    sealedKeys: box(INVITE),
  });
  return apply(s, deviceAdd(ALICE, PHONE));
}

describe('R94: DEVICE_ADD', () => {
  it('R94/R97: the person links a device, which acts with her role and writes in the current epoch', () => {
    const s = space();
    expect(personOf(s, hex(PHONE))).toBe(hex(ALICE));
    expect(roleOfKey(s, hex(PHONE))).toBe(Role.Editor);
    expect(s.members.has(hex(PHONE))).toBe(false);
    expect(s.epochWriters.get(0)?.has(hex(PHONE))).toBe(true);
    // a linked device links another one
    const t = apply(s, deviceAdd(PHONE, TABLET));
    expect(devicesOf(t, hex(ALICE))).toEqual([hex(PHONE), hex(TABLET)]);
  });

  it('R94: only a key of the person signs it; an animateur cannot give someone a device', () => {
    const s = space();
    // the animateur's DEVICE_ADD links the animateur's own device, never someone else's
    expect(personOf(apply(s, deviceAdd(ADMIN, filled(32, 0x44))), hex(filled(32, 0x44)))).toBe(hex(ADMIN));
    rejects(s, deviceAdd(INVITE, filled(32, 0x44)), /signed by the person/, 'FORBIDDEN_ROLE');
    rejects(s, deviceAdd(filled(32, 0x77), filled(32, 0x44)), /signed by the person/, 'FORBIDDEN_ROLE');
  });

  it('R94: a fresh key, role none, the current epoch, one bundle sealed to the device', () => {
    const s = space();
    for (const taken of [ADMIN, BOB, INVITE, PHONE]) rejects(s, deviceAdd(ALICE, taken), /already in the space/);
    rejects(s, { ...deviceAdd(ALICE, TABLET), role: Role.Editor }, /role none/);
    rejects(s, { ...deviceAdd(ALICE, TABLET), epoch: 1 }, /current epoch/);
    rejects(s, { ...deviceAdd(ALICE, TABLET), sealedKeys: box(ALICE) }, /sealed|seals/);
    rejects(s, { ...deviceAdd(ALICE, TABLET), sealedKeys: box(TABLET, ALICE) }, /seals/);
    rejects(s, { ...deviceAdd(ALICE, TABLET), sealedKeys: [] }, /seals/);
  });

  it('R97: a device key cannot be added, invited or accepted as a person', () => {
    const s = space();
    rejects(
      s,
      { signer: ADMIN, subject: PHONE, action: MembershipAction.Add, role: Role.Viewer, sealedKeys: box(PHONE) },
      /already a member/,
    );
    rejects(
      s,
      { signer: ADMIN, subject: PHONE, action: MembershipAction.SetRole, role: Role.Admin, sealedKeys: [] },
      /not a member/,
    );
  });

  it('R97: a device of an animateur signs what animateurs sign', () => {
    let s = apply(space(), deviceAdd(ADMIN, filled(32, 0x4a)));
    s = apply(s, {
      signer: filled(32, 0x4a),
      subject: BOB,
      action: MembershipAction.SetRole,
      role: Role.Editor,
      sealedKeys: [],
    });
    expect(s.members.get(hex(BOB))).toBe(Role.Editor);
    // and Alice's phone does not
    rejects(
      s,
      { signer: PHONE, subject: BOB, action: MembershipAction.SetRole, role: Role.Viewer, sealedKeys: [] },
      /only admins/,
      'FORBIDDEN_ROLE',
    );
  });
});

describe('R95: DEVICE_REMOVE', () => {
  it('R95: another key of the person cuts the device off; it loses its role and its person owes a rotation', () => {
    for (const signer of [ALICE, TABLET]) {
      const s = apply(apply(space(), deviceAdd(ALICE, TABLET)), deviceRemove(signer, PHONE));
      expect(personOf(s, hex(PHONE))).toBeNull();
      expect(roleOfKey(s, hex(PHONE))).toBe(Role.None);
      expect(accessRoles(s).has(hex(PHONE))).toBe(false);
      expect(s.rotationOwed.has(hex(ALICE))).toBe(true);
    }
  });

  it('R95: an animateur may remove any device; nobody else, and a device not itself', () => {
    const s = space();
    expect(apply(s, deviceRemove(ADMIN, PHONE)).devices.size).toBe(0);
    rejects(s, deviceRemove(BOB, PHONE), /another device of the person/, 'FORBIDDEN_ROLE');
    rejects(s, deviceRemove(PHONE, PHONE), /another device of the person/, 'FORBIDDEN_ROLE');
  });

  it('R95: never a person key, role none, no bundle, the current epoch', () => {
    const s = apply(space(), deviceAdd(ALICE, TABLET));
    rejects(s, deviceRemove(PHONE, ALICE), /another device of the person/, 'FORBIDDEN_ROLE');
    rejects(s, deviceRemove(ADMIN, ALICE), /no linked device/);
    rejects(s, { ...deviceRemove(ALICE, PHONE), role: Role.Editor }, /role none/);
    rejects(s, { ...deviceRemove(ALICE, PHONE), sealedKeys: box(PHONE) }, /no key bundle/);
    rejects(s, { ...deviceRemove(ALICE, PHONE), epoch: 1 }, /current epoch/);
  });

  it('R95: removing a person removes her devices (REMOVE and ROTATE)', () => {
    const s = space();
    const removed = apply(s, {
      signer: ADMIN,
      subject: ALICE,
      action: MembershipAction.Remove,
      role: Role.None,
      sealedKeys: [],
    });
    expect(roleOfKey(removed, hex(PHONE))).toBe(Role.None);
    expect(removed.devices.size).toBe(0);
    const rotated = apply(s, rotate(ADMIN, ALICE, box(ADMIN, BOB, INVITE)));
    expect(rotated.devices.size).toBe(0);
  });
});

describe('R96/R99: the ROTATE after a removal', () => {
  it('R99: a ROTATE seals to every person key, linked device and invite; never to a removed device', () => {
    const s = space();
    expect(keyHolders(s)).toEqual(new Set([ADMIN, ALICE, BOB, INVITE, PHONE].map(hex)));
    rejects(s, rotate(ADMIN, ADMIN, box(ADMIN, ALICE, BOB, INVITE)), /4 bundles for 5/);
    expect(apply(s, rotate(ADMIN, ADMIN, box(ADMIN, ALICE, BOB, INVITE, PHONE))).epoch).toBe(1);
    const cut = apply(s, deviceRemove(ALICE, PHONE));
    rejects(cut, rotate(ALICE, ALICE, box(ADMIN, ALICE, BOB, INVITE, PHONE)), /does not keep access/);
  });

  it('R96: the person (or another of her devices) renews the keys after removing a device, once', () => {
    const base = apply(space(), deviceAdd(ALICE, TABLET));
    const cut = apply(base, deviceRemove(TABLET, PHONE));
    for (const signer of [ALICE, TABLET]) {
      const s = apply(cut, rotate(signer, signer, box(ADMIN, ALICE, BOB, INVITE, TABLET)));
      expect(s.epoch).toBe(1);
      expect(s.rotationOwed.size).toBe(0);
      expect(s.epochWriters.get(1)).toEqual(new Set([ADMIN, ALICE, TABLET].map(hex)));
      // owed once: a second renewal by Alice is an animateur's to make
      rejects(s, rotate(ALICE, ALICE, box(ADMIN, ALICE, BOB, INVITE, TABLET), 2), /only admins/, 'FORBIDDEN_ROLE');
    }
    // without a removal, or removing someone else, or by another person: refused
    rejects(base, rotate(ALICE, ALICE, box(ADMIN, ALICE, BOB, INVITE, PHONE, TABLET)), /only admins/, 'FORBIDDEN_ROLE');
    rejects(cut, rotate(ALICE, BOB, box(ADMIN, ALICE, INVITE, TABLET)), /only admins/, 'FORBIDDEN_ROLE');
    rejects(cut, rotate(BOB, BOB, box(ADMIN, ALICE, BOB, INVITE, TABLET)), /only admins/, 'FORBIDDEN_ROLE');
  });

  it('R74/R97: a removed device stays a writer of its epoch only; SET_ROLE carries the devices along', () => {
    let s = apply(space(), deviceAdd(BOB, BOB_PHONE));
    expect(s.epochWriters.get(0)?.has(hex(BOB_PHONE))).toBe(false);
    s = apply(s, { signer: ADMIN, subject: BOB, action: MembershipAction.SetRole, role: Role.Editor, sealedKeys: [] });
    expect(s.epochWriters.get(0)?.has(hex(BOB_PHONE))).toBe(true);
    expect(roleOfKey(s, hex(BOB_PHONE))).toBe(Role.Editor);
    s = apply(apply(s, deviceRemove(BOB, BOB_PHONE)), rotate(BOB, BOB, box(ADMIN, ALICE, BOB, INVITE, PHONE)));
    expect(s.epochWriters.get(1)?.has(hex(BOB_PHONE))).toBe(false);
  });
});
