import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FrameKind } from '../constants/FrameKind.js';
import { MembershipAction } from '../constants/MembershipAction.js';
import { Role } from '../constants/Role.js';
import type { MembershipFields } from '../frames/types.js';
import { buildMembership, decodeAs, expectTrameError, filled, rand } from '../testing/fixtures.js';
import { toHex } from '../util/hex.js';
import { applyMembershipEntry, type MembershipDeps } from './applyMembershipEntry.js';
import { emptyMembershipState } from './emptyMembershipState.js';
import type { MembershipState } from './MembershipState.js';

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());
const deps: MembershipDeps = { verifyEntrySignature: () => true, sha256 };
const SPACE = filled(16, 0x5a);
const ADMIN = filled(32, 0x01);
const ALICE = filled(32, 0x0a);
const BOB = filled(32, 0x0b);
const INVITE = filled(32, 0x1e);
const COMMIT = filled(32, 0xc1);
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
function rejects(
  s: MembershipState,
  over: Partial<MembershipFields>,
  why: RegExp,
  code = 'INVALID_MEMBERSHIP' as const,
): void {
  const e = expectTrameError(() => apply(s, over), code);
  expect(e.message).toMatch(why);
}

/** ADMIN, ALICE editor, BOB viewer, a pending INVITE (editor). */
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
  return s;
}
const rotate = (subject: Uint8Array, sealedKeys = box(ADMIN, BOB, INVITE), epoch = 1): Partial<MembershipFields> => ({
  signer: ADMIN,
  subject,
  action: MembershipAction.Rotate,
  role: Role.None,
  epoch,
  keyCommit: COMMIT,
  sealedKeys,
});

describe('R70: ROTATE', () => {
  it('removes its subject, opens the next epoch with its key commitment, seals to everyone left', () => {
    const before = space();
    const s = apply(before, rotate(ALICE));
    expect(s.epoch).toBe(1);
    expect(s.members.has(hex(ALICE))).toBe(false);
    expect(s.invites.has(hex(INVITE))).toBe(true);
    expect(s.keyCommits.get(1)).toEqual(COMMIT);
    expect(s.keyCommits.get(0)).toEqual(filled(32, 0xc0));
    expect(before.epoch).toBe(0);
  });

  it('with the signer as subject renews the keys and removes nobody (by hand)', () => {
    const s = apply(space(), rotate(ADMIN, box(ADMIN, ALICE, BOB, INVITE)));
    expect(s.epoch).toBe(1);
    expect(s.members.size).toBe(3);
  });

  it('revokes a pending invite and rotates (MEMBERSHIP-3)', () => {
    const s = apply(space(), rotate(INVITE, box(ADMIN, ALICE, BOB)));
    expect(s.invites.size).toBe(0);
    expect(s.epoch).toBe(1);
  });

  it('R70/R32a: exactly one bundle per remaining member and invite', () => {
    const s = space();
    rejects(s, rotate(ALICE, box(ADMIN, BOB)), /2 bundles for 3/);
    rejects(s, rotate(ALICE, box(ADMIN, BOB, INVITE, ALICE)), /does not keep access/);
    rejects(s, rotate(ALICE, box(ADMIN, BOB, BOB)), /two bundles/);
  });

  it('R70: epoch is current + 1, role none, an admin signs, the subject has access, an admin stays', () => {
    const s = space();
    rejects(s, rotate(ALICE, undefined, 2), /opens epoch 1/);
    rejects(s, rotate(ALICE, undefined, 0), /opens epoch 1/);
    rejects(s, { ...rotate(ALICE), role: Role.Editor }, /role none/);
    rejects(s, { ...rotate(ALICE), signer: ALICE }, /only admins/, 'FORBIDDEN_ROLE' as never);
    rejects(s, rotate(filled(32, 0x77), box(ADMIN, ALICE, BOB, INVITE)), /not a member/);
  });

  it('R72: GENESIS and ROTATE carry a key commitment, no other entry does', () => {
    const s = space();
    rejects(s, { ...rotate(ALICE), keyCommit: new Uint8Array(32) }, /carry a key commitment/);
    rejects(
      s,
      {
        signer: ADMIN,
        subject: ALICE,
        action: MembershipAction.SetRole,
        role: Role.Viewer,
        keyCommit: COMMIT,
        sealedKeys: [],
      },
      /only GENESIS and ROTATE/,
    );
    expectTrameError(
      () =>
        apply(emptyMembershipState(SPACE), {
          signer: ADMIN,
          subject: ADMIN,
          action: MembershipAction.Genesis,
          role: Role.Admin,
          sealedKeys: box(ADMIN),
        }),
      'INVALID_MEMBERSHIP',
    );
  });

  it('R74: writers are kept per epoch: a removed editor is a writer of the old epoch only', () => {
    let s = apply(space(), rotate(ALICE));
    expect(s.epochWriters.get(0)?.has(hex(ALICE))).toBe(true);
    expect(s.epochWriters.get(1)?.has(hex(ALICE))).toBe(false);
    expect(s.epochWriters.get(1)?.has(hex(ADMIN))).toBe(true);
    expect(s.epochWriters.get(1)?.has(hex(BOB))).toBe(false);
    // a viewer promoted during epoch 1 writes in epoch 1, not in epoch 0
    s = apply(s, {
      signer: ADMIN,
      subject: BOB,
      action: MembershipAction.SetRole,
      role: Role.Editor,
      epoch: 1,
      sealedKeys: [],
    });
    expect(s.epochWriters.get(1)?.has(hex(BOB))).toBe(true);
    expect(s.epochWriters.get(0)?.has(hex(BOB))).toBe(false);
  });

  it('entries after a ROTATE refer to the new epoch', () => {
    const s = apply(space(), rotate(ALICE));
    rejects(
      s,
      {
        signer: ADMIN,
        subject: ALICE,
        action: MembershipAction.Add,
        role: Role.Editor,
        epoch: 0,
        sealedKeys: box(ALICE),
      },
      /current epoch/,
    );
    expect(
      apply(s, {
        signer: ADMIN,
        subject: ALICE,
        action: MembershipAction.Add,
        role: Role.Editor,
        epoch: 1,
        sealedKeys: box(ALICE),
      }).epoch,
    ).toBe(1);
  });
});
