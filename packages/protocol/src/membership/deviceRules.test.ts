import { describe, expect, it } from 'vitest';
import { FrameKind } from '../constants/FrameKind.js';
import { MembershipAction } from '../constants/MembershipAction.js';
import { Role } from '../constants/Role.js';
import type { MembershipFields } from '../frames/types.js';
import { buildMembership, decodeAs, filled, rand } from '../testing/fixtures.js';
import { toHex } from '../util/hex.js';
import { accessRoles } from './accessRoles.js';
import { deviceAddError } from './deviceAddError.js';
import { deviceRemoveError } from './deviceRemoveError.js';
import { devicesOf } from './devicesOf.js';
import { emptyMembershipState } from './emptyMembershipState.js';
import { keyHolders } from './keyHolders.js';
import type { MembershipState } from './MembershipState.js';
import { personOf } from './personOf.js';
import { roleOfKey } from './roleOfKey.js';
import { rotateSignerError } from './rotateSignerError.js';

const [ADMIN, ALICE, PHONE, OTHER] = [0x01, 0x0a, 0x3a, 0x77].map((b) => toHex(filled(32, b)));
const state: MembershipState = {
  ...emptyMembershipState(filled(16, 1)),
  seq: 3,
  members: new Map([
    [ADMIN!, Role.Admin],
    [ALICE!, Role.Editor],
  ]),
  devices: new Map([[PHONE!, ALICE!]]),
  invites: new Map([['ee'.repeat(32), { role: Role.Viewer, expiresAt: 0 }]]),
};
const frame = (over: Partial<MembershipFields>) =>
  decodeAs(
    buildMembership({ spaceId: state.spaceId, seq: 4, epoch: 0, role: Role.None, sealedKeys: [], ...over }),
    FrameKind.Membership,
  );
const key = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));

describe('device layer (R97-R99)', () => {
  it('R97: personOf / roleOfKey map a linked device to its person and role; strangers to none', () => {
    expect([personOf(state, PHONE!), personOf(state, ALICE!), personOf(state, OTHER!)]).toEqual([ALICE, ALICE, null]);
    expect([roleOfKey(state, PHONE!), roleOfKey(state, ADMIN!), roleOfKey(state, OTHER!)]).toEqual([
      Role.Editor,
      Role.Admin,
      Role.None,
    ]);
    expect(devicesOf(state, ALICE!)).toEqual([PHONE]);
  });

  it('R98: accessRoles lists person keys and devices with the person role (the relay members rows)', () => {
    expect(accessRoles(state)).toEqual(
      new Map([
        [ADMIN, Role.Admin],
        [ALICE, Role.Editor],
        [PHONE, Role.Editor],
      ]),
    );
  });

  it('R99: keyHolders: persons, devices, invites', () => {
    expect(keyHolders(state).size).toBe(4);
  });

  it('R94: deviceAddError', () => {
    const add = (signer: string, subject: string, over: Partial<MembershipFields> = {}) =>
      deviceAddError(
        state,
        frame({
          signer: key(signer),
          subject: key(subject),
          action: MembershipAction.DeviceAdd,
          sealedKeys: [{ recipient: key(subject), sealed: rand(40) }],
          ...over,
        }),
      );
    const fresh = '5b'.repeat(32);
    expect(add(PHONE!, fresh)).toBeNull();
    expect(add(ADMIN!, fresh)).toBeNull(); // the animateur's own device
    expect(add(OTHER!, fresh)?.code).toBe('FORBIDDEN_ROLE');
    expect(add(ALICE!, ADMIN!)?.message).toMatch(/already in the space/);
    expect(add(ALICE!, fresh, { role: Role.Editor })?.message).toMatch(/role none/);
    expect(add(ALICE!, fresh, { sealedKeys: [] })?.message).toMatch(/seals/);
  });

  it('R95: deviceRemoveError', () => {
    const rm = (signer: string, subject: string) =>
      deviceRemoveError(
        state,
        frame({ signer: key(signer), subject: key(subject), action: MembershipAction.DeviceRemove }),
      );
    expect(rm(ALICE!, PHONE!)).toBeNull();
    expect(rm(ADMIN!, PHONE!)).toBeNull();
    expect(rm(PHONE!, PHONE!)?.code).toBe('FORBIDDEN_ROLE');
    expect(rm(PHONE!, ALICE!)?.code).toBe('FORBIDDEN_ROLE');
    expect(rm(ADMIN!, ALICE!)?.code).toBe('INVALID_MEMBERSHIP');
  });

  it('R96: rotateSignerError', () => {
    const rot = (s: MembershipState, signer: string, subject = signer) =>
      rotateSignerError(s, frame({ signer: key(signer), subject: key(subject), action: MembershipAction.Rotate }));
    const owed = { ...state, rotationOwed: new Set([ALICE!]) };
    expect(rot(state, ADMIN!, ALICE!)).toBeNull();
    expect(rot(state, PHONE!)?.code).toBe('FORBIDDEN_ROLE');
    expect(rot(owed, PHONE!)).toBeNull();
    expect(rot(owed, ALICE!)).toBeNull();
    expect(rot(owed, ALICE!, ADMIN!)?.code).toBe('FORBIDDEN_ROLE');
  });
});
