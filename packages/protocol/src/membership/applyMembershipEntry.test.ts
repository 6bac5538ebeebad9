import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { FrameKind } from '../constants/FrameKind.js';
import { MembershipAction } from '../constants/MembershipAction.js';
import { Role } from '../constants/Role.js';
import type { ErrorCode } from '../errors/errorCodes.js';
import type { MembershipFields, MembershipFrame, SealedKey } from '../frames/types.js';
import { ZERO_HASH } from '../frames/zero.js';
import {
  buildMembership,
  catchTrame,
  decodeAs,
  expectBytes,
  expectTrameError,
  filled,
  rand,
} from '../testing/fixtures.js';
import { toHex } from '../util/hex.js';
import { applyMembershipEntry, type MembershipDeps } from './applyMembershipEntry.js';
import { emptyMembershipState } from './emptyMembershipState.js';
import type { MembershipState } from './MembershipState.js';

const sha256 = (bytes: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(bytes).digest());
const deps: MembershipDeps = { verifyEntrySignature: () => true, sha256 };

const SPACE = filled(16, 0x5a);
const ADMIN = filled(32, 0x01);
const ADMIN2 = filled(32, 0x02);
const ALICE = filled(32, 0x0a);
const BOB = filled(32, 0x0b);
const CAROL = filled(32, 0x0c);
const INVITE = filled(32, 0x1e);
const NEWCOMER = filled(32, 0x2e);
const OUTSIDER = filled(32, 0x99);

const hex = toHex;

/** Everyone who held a write role in any epoch (R74 keeps them per epoch). */
function writersOf(s: MembershipState): Set<string> {
  return new Set([...s.epochWriters.values()].flatMap((w) => [...w]));
}

function sealedFor(...recipients: Uint8Array[]): SealedKey[] {
  return recipients.map((recipient) => ({ recipient, sealed: rand(80) }));
}

/** A decoded entry chained onto `state` (seq and prevHash right unless overridden). */
function entry(state: MembershipState, over: Partial<MembershipFields>): MembershipFrame {
  return decodeAs(
    buildMembership({
      spaceId: state.spaceId,
      seq: state.seq + 1,
      prevHash: state.headHash,
      epoch: state.epoch,
      expiresAt: 0,
      ...over,
    }),
    FrameKind.Membership,
  );
}

function apply(state: MembershipState, over: Partial<MembershipFields>, d: MembershipDeps = deps): MembershipState {
  return applyMembershipEntry(state, entry(state, over), d);
}

function rejects(
  state: MembershipState,
  over: Partial<MembershipFields>,
  code: ErrorCode,
  d: MembershipDeps = deps,
): void {
  const e = entry(state, over);
  expectTrameError(() => applyMembershipEntry(state, e, d), code);
}

function genesisFields(admin = ADMIN): Partial<MembershipFields> {
  return {
    signer: admin,
    subject: admin,
    action: MembershipAction.Genesis,
    role: Role.Admin,
    epoch: 0,
    keyCommit: filled(32, 0xc0),
    sealedKeys: sealedFor(admin),
  };
}

function genesis(): MembershipState {
  return apply(emptyMembershipState(SPACE), genesisFields());
}

const add = (subject: Uint8Array, role: number, signer = ADMIN): Partial<MembershipFields> => ({
  signer,
  subject,
  action: MembershipAction.Add,
  role,
  sealedKeys: sealedFor(subject),
});
const setRole = (subject: Uint8Array, role: number, signer = ADMIN): Partial<MembershipFields> => ({
  signer,
  subject,
  action: MembershipAction.SetRole,
  role,
  sealedKeys: [],
});
const remove = (subject: Uint8Array, signer = ADMIN): Partial<MembershipFields> => ({
  signer,
  subject,
  action: MembershipAction.Remove,
  role: Role.None,
  sealedKeys: [],
});
const invite = (role: number, expiresAt = 0, subject = INVITE, signer = ADMIN): Partial<MembershipFields> => ({
  signer,
  subject,
  action: MembershipAction.Invite,
  role,
  expiresAt,
  sealedKeys: sealedFor(subject),
});
const accept = (role: number, subject = NEWCOMER, signer = INVITE): Partial<MembershipFields> => ({
  signer,
  subject,
  action: MembershipAction.Accept,
  role,
  sealedKeys: sealedFor(subject),
});

/** Genesis, then ALICE editor and BOB viewer. */
function withMembers(): MembershipState {
  let s = genesis();
  s = apply(s, add(ALICE, Role.Editor));
  s = apply(s, add(BOB, Role.Viewer));
  return s;
}

describe('emptyMembershipState', () => {
  it('is the state before genesis: seq -1, zero head, epoch 0, nobody', () => {
    const s = emptyMembershipState(SPACE);
    expect(s.seq).toBe(-1);
    expectBytes(s.headHash, ZERO_HASH);
    expect(s.epoch).toBe(0);
    expect(s.members.size).toBe(0);
    expect(s.invites.size).toBe(0);
    expect(writersOf(s).size).toBe(0);
    expect(s.spaceId).toBe(SPACE);
  });
});

describe('GENESIS (R30)', () => {
  it('R30: a valid genesis makes its signer the only admin', () => {
    const e = entry(emptyMembershipState(SPACE), genesisFields());
    const s = applyMembershipEntry(emptyMembershipState(SPACE), e, deps);
    expect(s.seq).toBe(0);
    expectBytes(s.headHash, sha256(e.raw));
    expect(s.epoch).toBe(0);
    expect([...s.members]).toEqual([[hex(ADMIN), Role.Admin]]);
    expect(s.invites.size).toBe(0);
    expect([...writersOf(s)]).toEqual([hex(ADMIN)]);
    expectBytes(s.spaceId, SPACE);
  });

  it('R30: signer must be the subject', () => {
    rejects(
      emptyMembershipState(SPACE),
      { ...genesisFields(), subject: ALICE, sealedKeys: sealedFor(ALICE) },
      'INVALID_MEMBERSHIP',
    );
  });

  it('R30: role must be admin', () => {
    for (const role of [Role.None, Role.Editor, Role.Viewer]) {
      rejects(emptyMembershipState(SPACE), { ...genesisFields(), role }, 'INVALID_MEMBERSHIP');
    }
  });

  it('R30: epoch must be 0', () => {
    rejects(emptyMembershipState(SPACE), { ...genesisFields(), epoch: 1 }, 'INVALID_MEMBERSHIP');
  });

  it('R30: a key bundle must be sealed to the signer', () => {
    const empty = emptyMembershipState(SPACE);
    rejects(empty, { ...genesisFields(), sealedKeys: [] }, 'INVALID_MEMBERSHIP');
    rejects(empty, { ...genesisFields(), sealedKeys: sealedFor(ALICE) }, 'INVALID_MEMBERSHIP');
    rejects(
      empty,
      { ...genesisFields(), sealedKeys: [{ recipient: ADMIN, sealed: new Uint8Array(0) }] },
      'INVALID_MEMBERSHIP',
    );
    // MEMBERSHIP-2: exactly one bundle, for the creator
    rejects(empty, { ...genesisFields(), sealedKeys: sealedFor(ALICE, ADMIN) }, 'INVALID_MEMBERSHIP');
    rejects(empty, { ...genesisFields(), sealedKeys: sealedFor(ADMIN, ADMIN) }, 'INVALID_MEMBERSHIP');
  });

  it('R30: genesis must have seq 0 and a zero prevHash (MEMBERSHIP_CHAIN otherwise)', () => {
    const empty = emptyMembershipState(SPACE);
    rejects(empty, { ...genesisFields(), seq: 1 }, 'MEMBERSHIP_CHAIN');
    rejects(empty, { ...genesisFields(), prevHash: rand(32) }, 'MEMBERSHIP_CHAIN');
  });

  it('R30: genesis is valid only as the first entry', () => {
    rejects(genesis(), genesisFields(), 'INVALID_MEMBERSHIP');
    rejects(genesis(), genesisFields(ALICE), 'INVALID_MEMBERSHIP');
  });

  it('R30: the first entry must be a genesis', () => {
    const empty = emptyMembershipState(SPACE);
    rejects(empty, add(ALICE, Role.Editor), 'INVALID_MEMBERSHIP');
    for (const over of [setRole(ADMIN, Role.Admin), remove(ADMIN), invite(Role.Editor), accept(Role.Editor)]) {
      const e = catchTrame(() => apply(empty, over));
      expect(['INVALID_MEMBERSHIP', 'FORBIDDEN_ROLE']).toContain(e.code);
    }
  });

  it('R31: a genesis whose signature does not verify is BAD_SIGNATURE', () => {
    rejects(emptyMembershipState(SPACE), genesisFields(), 'BAD_SIGNATURE', {
      ...deps,
      verifyEntrySignature: () => false,
    });
  });

  it('an entry for another space is WRONG_TARGET', () => {
    rejects(emptyMembershipState(SPACE), { ...genesisFields(), spaceId: rand(16) }, 'WRONG_TARGET');
  });

  it('R35: expiresAt on a genesis is INVALID_MEMBERSHIP', () => {
    rejects(emptyMembershipState(SPACE), { ...genesisFields(), expiresAt: 1 }, 'INVALID_MEMBERSHIP');
  });
});

describe('chain, signature and signer (R31)', () => {
  it('R31: each entry advances seq by one and the head to SHA-256 of its whole frame', () => {
    let s = genesis();
    for (const [i, who] of [ALICE, BOB, CAROL].entries()) {
      const e = entry(s, add(who, Role.Viewer));
      const next = applyMembershipEntry(s, e, deps);
      expect(next.seq).toBe(i + 1);
      expectBytes(next.headHash, sha256(e.raw));
      s = next;
    }
  });

  it('R31: a seq that skips, repeats or goes back is MEMBERSHIP_CHAIN (4001)', () => {
    const s = withMembers();
    for (const seq of [s.seq + 2, s.seq, 0, 0xffffffff]) {
      const e = catchTrame(() => apply(s, { ...add(CAROL, Role.Editor), seq }));
      expect(e.code).toBe('MEMBERSHIP_CHAIN');
      expect(e.number).toBe(4001);
    }
  });

  it('R31: a prevHash that is not SHA-256 of the last entry is MEMBERSHIP_CHAIN', () => {
    const g = emptyMembershipState(SPACE);
    const first = entry(g, genesisFields());
    const s1 = applyMembershipEntry(g, first, deps);
    const second = entry(s1, add(ALICE, Role.Editor));
    const s2 = applyMembershipEntry(s1, second, deps);
    rejects(s2, { ...add(BOB, Role.Editor), prevHash: rand(32) }, 'MEMBERSHIP_CHAIN');
    rejects(s2, { ...add(BOB, Role.Editor), prevHash: ZERO_HASH }, 'MEMBERSHIP_CHAIN');
    rejects(s2, { ...add(BOB, Role.Editor), prevHash: sha256(first.raw) }, 'MEMBERSHIP_CHAIN');
    // SHA-256 of the body instead of the whole frame (signature included) is wrong too
    rejects(s2, { ...add(BOB, Role.Editor), prevHash: sha256(second.body) }, 'MEMBERSHIP_CHAIN');
    expect(apply(s2, { ...add(BOB, Role.Editor), prevHash: sha256(second.raw) }).seq).toBe(2);
  });

  it('R34: a log whose middle entry was swapped breaks the chain of the next one', () => {
    const s0 = emptyMembershipState(SPACE);
    const e0 = entry(s0, genesisFields());
    const s1 = applyMembershipEntry(s0, e0, deps);
    const e1 = entry(s1, add(ALICE, Role.Viewer));
    const e2 = entry(applyMembershipEntry(s1, e1, deps), add(BOB, Role.Viewer));
    // a relay serves another entry at seq 1 (ALICE as editor), then the genuine seq 2
    const forged = entry(s1, add(ALICE, Role.Editor));
    const t2 = applyMembershipEntry(s1, forged, deps);
    expectTrameError(() => applyMembershipEntry(t2, e2, deps), 'MEMBERSHIP_CHAIN');
  });

  it('R31: the chain is checked before the signature', () => {
    const verify = vi.fn(() => false);
    const s = genesis();
    rejects(s, { ...add(ALICE, Role.Editor), seq: 5 }, 'MEMBERSHIP_CHAIN', { ...deps, verifyEntrySignature: verify });
    expect(verify).not.toHaveBeenCalled();
  });

  it('R31: a signature that does not verify is BAD_SIGNATURE (4002)', () => {
    const s = genesis();
    const e = entry(s, add(ALICE, Role.Editor));
    const verify = vi.fn((_: MembershipFrame) => false);
    const err = expectTrameError(
      () => applyMembershipEntry(s, e, { ...deps, verifyEntrySignature: verify }),
      'BAD_SIGNATURE',
    );
    expect(err.number).toBe(4002);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify).toHaveBeenCalledWith(e);
  });

  it("R31: the signature is checked before the signer's role", () => {
    rejects(genesis(), add(ALICE, Role.Editor, OUTSIDER), 'BAD_SIGNATURE', {
      ...deps,
      verifyEntrySignature: () => false,
    });
  });

  it('R31: admin entries signed by a non-admin are FORBIDDEN_ROLE (2005)', () => {
    const s = withMembers();
    const signers = [ALICE /* editor */, BOB /* viewer */, OUTSIDER /* not a member */];
    for (const signer of signers) {
      for (const over of [
        add(CAROL, Role.Editor, signer),
        setRole(ALICE, Role.Admin, signer),
        remove(BOB, signer),
        invite(Role.Editor, 0, INVITE, signer),
      ]) {
        const e = catchTrame(() => apply(s, over));
        expect(e.code, `${hex(signer).slice(0, 2)} action ${over.action}`).toBe('FORBIDDEN_ROLE');
        expect(e.number).toBe(2005);
      }
    }
  });

  it('R31: an editor cannot promote itself', () => {
    rejects(withMembers(), setRole(ALICE, Role.Admin, ALICE), 'FORBIDDEN_ROLE');
  });

  it("R31: the signer's role is the one before the entry (a demoted admin no longer signs)", () => {
    let s = apply(withMembers(), add(ADMIN2, Role.Admin));
    s = apply(s, setRole(ADMIN2, Role.Editor));
    rejects(s, add(CAROL, Role.Viewer, ADMIN2), 'FORBIDDEN_ROLE');
    s = apply(s, remove(ADMIN2));
    rejects(s, add(CAROL, Role.Viewer, ADMIN2), 'FORBIDDEN_ROLE');
  });

  it('R31: a second admin may sign admin entries', () => {
    let s = apply(genesis(), add(ADMIN2, Role.Admin));
    s = apply(s, add(ALICE, Role.Editor, ADMIN2));
    expect(s.members.get(hex(ALICE))).toBe(Role.Editor);
  });
});

describe('ADD (R32)', () => {
  it('R32: ADD gives the subject its role; writers join everWriters', () => {
    let s = genesis();
    s = apply(s, add(ALICE, Role.Editor));
    s = apply(s, add(BOB, Role.Viewer));
    s = apply(s, add(ADMIN2, Role.Admin));
    expect(s.members.get(hex(ALICE))).toBe(Role.Editor);
    expect(s.members.get(hex(BOB))).toBe(Role.Viewer);
    expect(s.members.get(hex(ADMIN2))).toBe(Role.Admin);
    expect(s.members.size).toBe(4);
    expect(writersOf(s).has(hex(ALICE))).toBe(true);
    expect(writersOf(s).has(hex(ADMIN2))).toBe(true);
    expect(writersOf(s).has(hex(BOB))).toBe(false);
    expect(s.epoch).toBe(0);
  });

  it('R32: ADD of a member is INVALID_MEMBERSHIP (4003)', () => {
    const s = withMembers();
    const e = catchTrame(() => apply(s, add(ALICE, Role.Viewer)));
    expect(e.code).toBe('INVALID_MEMBERSHIP');
    expect(e.number).toBe(4003);
    rejects(s, add(ADMIN, Role.Editor), 'INVALID_MEMBERSHIP');
  });

  it('R32/R35: ADD of a pending invite identity is INVALID_MEMBERSHIP', () => {
    rejects(apply(genesis(), invite(Role.Editor)), add(INVITE, Role.Editor), 'INVALID_MEMBERSHIP');
  });

  it('R32: ADD with role none is INVALID_MEMBERSHIP', () => {
    rejects(genesis(), add(ALICE, Role.None), 'INVALID_MEMBERSHIP');
  });

  it('R32: ADD must refer to the current epoch', () => {
    rejects(genesis(), { ...add(ALICE, Role.Editor), epoch: 1 }, 'INVALID_MEMBERSHIP');
  });

  it('R32: ADD must seal a non-empty bundle to the subject', () => {
    const s = genesis();
    rejects(s, { ...add(ALICE, Role.Editor), sealedKeys: [] }, 'INVALID_MEMBERSHIP');
    rejects(s, { ...add(ALICE, Role.Editor), sealedKeys: sealedFor(ADMIN, BOB) }, 'INVALID_MEMBERSHIP');
    rejects(
      s,
      { ...add(ALICE, Role.Editor), sealedKeys: [{ recipient: ALICE, sealed: new Uint8Array(0) }] },
      'INVALID_MEMBERSHIP',
    );
    // MEMBERSHIP-2: a bundle for anyone else, even alongside the subject's, is refused
    rejects(s, { ...add(ALICE, Role.Editor), sealedKeys: sealedFor(ADMIN, ALICE) }, 'INVALID_MEMBERSHIP');
    rejects(s, { ...add(ALICE, Role.Editor), sealedKeys: sealedFor(ALICE, ALICE) }, 'INVALID_MEMBERSHIP');
    expect(apply(s, add(ALICE, Role.Editor)).members.has(hex(ALICE))).toBe(true);
  });

  it('R35: expiresAt on an ADD is INVALID_MEMBERSHIP', () => {
    rejects(genesis(), { ...add(ALICE, Role.Editor), expiresAt: 2_000_000_000 }, 'INVALID_MEMBERSHIP');
  });
});

describe('SET_ROLE (R32)', () => {
  it("R32: SET_ROLE changes a member's role", () => {
    let s = withMembers();
    s = apply(s, setRole(BOB, Role.Editor));
    expect(s.members.get(hex(BOB))).toBe(Role.Editor);
    expect(writersOf(s).has(hex(BOB))).toBe(true);
    s = apply(s, setRole(ALICE, Role.Admin));
    expect(s.members.get(hex(ALICE))).toBe(Role.Admin);
  });

  it('R32: a demoted writer stays in everWriters (its past updates stay trusted)', () => {
    const s = apply(withMembers(), setRole(ALICE, Role.Viewer));
    expect(s.members.get(hex(ALICE))).toBe(Role.Viewer);
    expect(writersOf(s).has(hex(ALICE))).toBe(true);
  });

  it('R32: SET_ROLE of a non-member or of a pending invite is INVALID_MEMBERSHIP', () => {
    rejects(withMembers(), setRole(CAROL, Role.Editor), 'INVALID_MEMBERSHIP');
    rejects(apply(withMembers(), invite(Role.Viewer)), setRole(INVITE, Role.Editor), 'INVALID_MEMBERSHIP');
  });

  it('R32: SET_ROLE to none is INVALID_MEMBERSHIP (that is a REMOVE)', () => {
    rejects(withMembers(), setRole(ALICE, Role.None), 'INVALID_MEMBERSHIP');
  });

  it('R32: demoting the last admin is INVALID_MEMBERSHIP', () => {
    rejects(withMembers(), setRole(ADMIN, Role.Editor), 'INVALID_MEMBERSHIP');
    rejects(withMembers(), setRole(ADMIN, Role.Viewer), 'INVALID_MEMBERSHIP');
  });

  it('R32: with two admins, one may step down', () => {
    const s = apply(apply(withMembers(), setRole(ALICE, Role.Admin)), setRole(ADMIN, Role.Editor));
    expect(s.members.get(hex(ADMIN))).toBe(Role.Editor);
    expect(s.members.get(hex(ALICE))).toBe(Role.Admin);
  });

  it('R35: expiresAt on a SET_ROLE is INVALID_MEMBERSHIP', () => {
    rejects(withMembers(), { ...setRole(ALICE, Role.Viewer), expiresAt: 5 }, 'INVALID_MEMBERSHIP');
  });
});

describe('REMOVE (R32)', () => {
  it('R32: REMOVE deletes the member; a removed editor stays in everWriters', () => {
    const s = apply(withMembers(), remove(ALICE));
    expect(s.members.has(hex(ALICE))).toBe(false);
    expect(s.members.size).toBe(2);
    expect(writersOf(s).has(hex(ALICE))).toBe(true);
  });

  it('R32: a removed viewer never becomes a writer', () => {
    const s = apply(withMembers(), remove(BOB));
    expect(s.members.has(hex(BOB))).toBe(false);
    expect(writersOf(s).has(hex(BOB))).toBe(false);
  });

  it('R32: REMOVE of a non-member is INVALID_MEMBERSHIP', () => {
    rejects(withMembers(), remove(CAROL), 'INVALID_MEMBERSHIP');
    rejects(apply(withMembers(), remove(ALICE)), remove(ALICE), 'INVALID_MEMBERSHIP');
  });

  it('R32: REMOVE must carry role none', () => {
    for (const role of [Role.Admin, Role.Editor, Role.Viewer]) {
      rejects(withMembers(), { ...remove(ALICE), role }, 'INVALID_MEMBERSHIP');
    }
  });

  it('R32: removing the last admin is INVALID_MEMBERSHIP', () => {
    rejects(withMembers(), remove(ADMIN), 'INVALID_MEMBERSHIP');
  });

  it('R32: with another admin, an admin may remove itself', () => {
    const s = apply(apply(withMembers(), add(ADMIN2, Role.Admin)), remove(ADMIN));
    expect(s.members.has(hex(ADMIN))).toBe(false);
    expect(s.members.get(hex(ADMIN2))).toBe(Role.Admin);
    expect(writersOf(s).has(hex(ADMIN))).toBe(true);
  });

  it('R32: a removed member can be added again', () => {
    const s = apply(apply(withMembers(), remove(ALICE)), add(ALICE, Role.Viewer));
    expect(s.members.get(hex(ALICE))).toBe(Role.Viewer);
  });
});

describe('MEMBERSHIP-2: exact key bundles per action (R32)', () => {
  it("MEMBERSHIP-2: SET_ROLE and REMOVE carry no bundle; ACCEPT and INVITE only the subject's", () => {
    const s = withMembers();
    rejects(s, { ...setRole(BOB, Role.Editor), sealedKeys: sealedFor(BOB) }, 'INVALID_MEMBERSHIP');
    rejects(s, { ...remove(BOB), sealedKeys: sealedFor(ALICE) }, 'INVALID_MEMBERSHIP');
    rejects(s, { ...invite(Role.Viewer), sealedKeys: sealedFor(INVITE, ALICE) }, 'INVALID_MEMBERSHIP');
    const invited = apply(s, invite(Role.Viewer));
    // the demonstrated attack: a viewer's link whose ACCEPT carries junk bundles for two members
    rejects(invited, { ...accept(Role.Viewer), sealedKeys: sealedFor(NEWCOMER, ALICE, BOB) }, 'INVALID_MEMBERSHIP');
    expect(apply(invited, accept(Role.Viewer)).members.get(hex(NEWCOMER))).toBe(Role.Viewer);
  });
});

describe('ROTATE (R32)', () => {
  it('R32: ROTATE is reserved and refused with INVALID_MEMBERSHIP, even when well-formed', () => {
    const s = withMembers();
    rejects(
      s,
      {
        signer: ADMIN,
        subject: ADMIN,
        action: MembershipAction.Rotate,
        role: Role.Admin,
        epoch: s.epoch + 1,
        sealedKeys: sealedFor(ADMIN, ALICE, BOB),
      },
      'INVALID_MEMBERSHIP',
    );
  });
});

describe('INVITE and ACCEPT (R35)', () => {
  it('R35: INVITE records a pending invite; the invite identity is not a member', () => {
    const s = apply(withMembers(), invite(Role.Editor, 1_800_000_000));
    expect(s.invites.get(hex(INVITE))).toEqual({ role: Role.Editor, expiresAt: 1_800_000_000 });
    expect(s.members.has(hex(INVITE))).toBe(false);
    expect(writersOf(s).has(hex(INVITE))).toBe(false);
    expect(s.members.size).toBe(3);
  });

  it('R35: INVITE without expiry records expiresAt 0', () => {
    expect(apply(genesis(), invite(Role.Viewer)).invites.get(hex(INVITE))).toEqual({ role: Role.Viewer, expiresAt: 0 });
  });

  it('R35: INVITE with a member or an already used invite identity is INVALID_MEMBERSHIP', () => {
    rejects(withMembers(), invite(Role.Editor, 0, ALICE), 'INVALID_MEMBERSHIP');
    rejects(apply(withMembers(), invite(Role.Editor)), invite(Role.Viewer), 'INVALID_MEMBERSHIP');
  });

  it('R35: INVITE with role none, another epoch or no bundle for the invite is INVALID_MEMBERSHIP', () => {
    const s = withMembers();
    rejects(s, invite(Role.None), 'INVALID_MEMBERSHIP');
    rejects(s, { ...invite(Role.Editor), epoch: 3 }, 'INVALID_MEMBERSHIP');
    rejects(s, { ...invite(Role.Editor), sealedKeys: sealedFor(ADMIN) }, 'INVALID_MEMBERSHIP');
    rejects(s, { ...invite(Role.Editor), sealedKeys: [] }, 'INVALID_MEMBERSHIP');
  });

  it('R35: ACCEPT adds the newcomer with the invite role and consumes the invite', () => {
    const invited = apply(withMembers(), invite(Role.Editor));
    const s = apply(invited, accept(Role.Editor));
    expect(s.members.get(hex(NEWCOMER))).toBe(Role.Editor);
    expect(writersOf(s).has(hex(NEWCOMER))).toBe(true);
    expect(s.invites.has(hex(INVITE))).toBe(false);
    expect(s.members.has(hex(INVITE))).toBe(false);
    expect(writersOf(s).has(hex(INVITE))).toBe(false);
  });

  it('R35: ACCEPT of a viewer invite gives a viewer, not a writer', () => {
    const s = apply(apply(genesis(), invite(Role.Viewer)), accept(Role.Viewer));
    expect(s.members.get(hex(NEWCOMER))).toBe(Role.Viewer);
    expect(writersOf(s).has(hex(NEWCOMER))).toBe(false);
  });

  it('R35: ACCEPT of an admin invite makes an admin who can then sign', () => {
    let s = apply(apply(genesis(), invite(Role.Admin, 2_000_000_000)), accept(Role.Admin));
    expect(s.members.get(hex(NEWCOMER))).toBe(Role.Admin);
    s = apply(s, add(CAROL, Role.Editor, NEWCOMER));
    expect(s.members.get(hex(CAROL))).toBe(Role.Editor);
  });

  it('R77: the fold refuses an animateur invite that never expires', () => {
    rejects(withMembers(), invite(Role.Admin, 0), 'INVALID_MEMBERSHIP');
  });

  it('R35: ACCEPT needs no admin signer (it is signed by the invite identity)', () => {
    const verify = vi.fn((_: MembershipFrame) => true);
    const invited = apply(genesis(), invite(Role.Editor));
    const e = entry(invited, accept(Role.Editor));
    applyMembershipEntry(invited, e, { ...deps, verifyEntrySignature: verify });
    expect(verify).toHaveBeenCalledWith(e);
    expectBytes(e.signer, INVITE);
  });

  it("R35: ACCEPT with a role other than the invite's is INVALID_MEMBERSHIP", () => {
    const invited = apply(withMembers(), invite(Role.Viewer));
    rejects(invited, accept(Role.Editor), 'INVALID_MEMBERSHIP');
    rejects(invited, accept(Role.Admin), 'INVALID_MEMBERSHIP');
  });

  it('R35: a second ACCEPT of the same invite is INVALID_MEMBERSHIP', () => {
    const once = apply(apply(withMembers(), invite(Role.Editor)), accept(Role.Editor));
    rejects(once, accept(Role.Editor, CAROL), 'INVALID_MEMBERSHIP');
    rejects(once, accept(Role.Editor), 'INVALID_MEMBERSHIP');
  });

  it('R35: ACCEPT without a pending invite for the signer is INVALID_MEMBERSHIP', () => {
    const s = withMembers();
    rejects(s, accept(Role.Editor), 'INVALID_MEMBERSHIP');
    // an admin is not an invite either
    rejects(s, accept(Role.Editor, CAROL, ADMIN), 'INVALID_MEMBERSHIP');
    // another invite identity than the pending one
    rejects(apply(s, invite(Role.Editor)), accept(Role.Editor, NEWCOMER, OUTSIDER), 'INVALID_MEMBERSHIP');
  });

  it('R35: ACCEPT of a subject that is already a member, or is the invite itself, is INVALID_MEMBERSHIP', () => {
    const invited = apply(withMembers(), invite(Role.Editor));
    rejects(invited, accept(Role.Editor, ALICE), 'INVALID_MEMBERSHIP');
    rejects(invited, accept(Role.Editor, INVITE), 'INVALID_MEMBERSHIP');
  });

  it('R35: ACCEPT of a subject that is another pending invite is INVALID_MEMBERSHIP', () => {
    const OTHER_INVITE = filled(32, 0x3e);
    const s = apply(apply(withMembers(), invite(Role.Editor)), invite(Role.Viewer, 0, OTHER_INVITE));
    rejects(s, accept(Role.Editor, OTHER_INVITE), 'INVALID_MEMBERSHIP');
  });

  it('R35: ACCEPT must refer to the current epoch and seal a bundle to the newcomer', () => {
    const invited = apply(withMembers(), invite(Role.Editor));
    rejects(invited, { ...accept(Role.Editor), epoch: 1 }, 'INVALID_MEMBERSHIP');
    rejects(invited, { ...accept(Role.Editor), sealedKeys: sealedFor(INVITE) }, 'INVALID_MEMBERSHIP');
    rejects(invited, { ...accept(Role.Editor), sealedKeys: [] }, 'INVALID_MEMBERSHIP');
  });

  it('R35: expiresAt on an ACCEPT is INVALID_MEMBERSHIP', () => {
    const invited = apply(withMembers(), invite(Role.Editor, 5000));
    rejects(invited, { ...accept(Role.Editor), expiresAt: 5000 }, 'INVALID_MEMBERSHIP');
  });

  it('R35: an expired invite cannot be accepted (nowSeconds after expiresAt)', () => {
    const invited = apply(withMembers(), invite(Role.Editor, 1000));
    rejects(invited, accept(Role.Editor), 'INVALID_MEMBERSHIP', { ...deps, nowSeconds: 1001 });
    rejects(invited, accept(Role.Editor), 'INVALID_MEMBERSHIP', { ...deps, nowSeconds: 2_000_000_000 });
    expect(apply(invited, accept(Role.Editor), { ...deps, nowSeconds: 1000 }).members.has(hex(NEWCOMER))).toBe(true);
    expect(apply(invited, accept(Role.Editor), { ...deps, nowSeconds: 999 }).members.has(hex(NEWCOMER))).toBe(true);
  });

  it('R35: without nowSeconds (a client replaying history) expiry is not checked', () => {
    const invited = apply(withMembers(), invite(Role.Editor, 1000));
    expect(apply(invited, accept(Role.Editor)).members.has(hex(NEWCOMER))).toBe(true);
  });

  it('R35: an invite with expiresAt 0 never expires', () => {
    const invited = apply(withMembers(), invite(Role.Editor, 0));
    expect(apply(invited, accept(Role.Editor), { ...deps, nowSeconds: 0xffffffff }).members.has(hex(NEWCOMER))).toBe(
      true,
    );
  });

  it('R35: REMOVE of the invite identity revokes a pending invite', () => {
    const invited = apply(withMembers(), invite(Role.Editor));
    const revoked = apply(invited, remove(INVITE));
    expect(revoked.invites.has(hex(INVITE))).toBe(false);
    expect(revoked.members.size).toBe(invited.members.size);
    rejects(revoked, accept(Role.Editor), 'INVALID_MEMBERSHIP');
    // and a revoked or consumed invite cannot be revoked twice
    rejects(revoked, remove(INVITE), 'INVALID_MEMBERSHIP');
  });

  it('R35: revoking an invite needs an admin and role none', () => {
    const invited = apply(withMembers(), invite(Role.Editor));
    rejects(invited, remove(INVITE, ALICE), 'FORBIDDEN_ROLE');
    rejects(invited, remove(INVITE, INVITE), 'FORBIDDEN_ROLE');
    rejects(invited, { ...remove(INVITE), role: Role.Editor }, 'INVALID_MEMBERSHIP');
  });

  it('R35: an invite identity cannot sign admin entries', () => {
    const invited = apply(withMembers(), invite(Role.Admin, 2_000_000_000));
    rejects(invited, add(CAROL, Role.Editor, INVITE), 'FORBIDDEN_ROLE');
    rejects(invited, invite(Role.Editor, 0, filled(32, 0x3e), INVITE), 'FORBIDDEN_ROLE');
  });

  it('R35: several invites are independent', () => {
    const I2 = filled(32, 0x3e);
    let s = apply(apply(withMembers(), invite(Role.Editor)), invite(Role.Viewer, 0, I2));
    s = apply(s, accept(Role.Viewer, CAROL, I2));
    expect(s.members.get(hex(CAROL))).toBe(Role.Viewer);
    expect(s.invites.has(hex(INVITE))).toBe(true);
    s = apply(s, accept(Role.Editor));
    expect(s.members.get(hex(NEWCOMER))).toBe(Role.Editor);
    expect(s.invites.size).toBe(0);
  });
});

describe('immutability and determinism', () => {
  it('returns a new state and leaves the old one unchanged', () => {
    const before = apply(withMembers(), invite(Role.Editor));
    const snapshot = {
      seq: before.seq,
      headHash: toHex(before.headHash),
      members: [...before.members],
      invites: [...before.invites],
      writers: [...writersOf(before)],
    };
    const entries: Array<Partial<MembershipFields>> = [
      add(CAROL, Role.Editor),
      setRole(BOB, Role.Editor),
      remove(ALICE),
      remove(INVITE),
      accept(Role.Editor),
      invite(Role.Viewer, 0, filled(32, 0x3e)),
    ];
    for (const over of entries) {
      const after = apply(before, over);
      expect(after).not.toBe(before);
      expect(after.members).not.toBe(before.members);
      expect(after.invites).not.toBe(before.invites);
      expect(after.epochWriters).not.toBe(before.epochWriters);
      expect(after.seq).toBe(before.seq + 1);
    }
    expect(before.seq).toBe(snapshot.seq);
    expect(toHex(before.headHash)).toBe(snapshot.headHash);
    expect([...before.members]).toEqual(snapshot.members);
    expect([...before.invites]).toEqual(snapshot.invites);
    expect([...writersOf(before)]).toEqual(snapshot.writers);
  });

  it('a rejected entry leaves the state unchanged (even after partial work)', () => {
    const before = withMembers();
    const members = [...before.members];
    rejects(before, remove(ADMIN), 'INVALID_MEMBERSHIP'); // deletes from the copy, then fails
    rejects(before, setRole(ADMIN, Role.Viewer), 'INVALID_MEMBERSHIP');
    expect([...before.members]).toEqual(members);
    expect(before.members.get(hex(ADMIN))).toBe(Role.Admin);
  });

  it('the empty state is not shared between spaces', () => {
    const a = emptyMembershipState(SPACE);
    const b = emptyMembershipState(rand(16));
    expect(a.members).not.toBe(b.members);
    const s = applyMembershipEntry(a, entry(a, genesisFields()), deps);
    expect(a.members.size).toBe(0);
    expect(s.members.size).toBe(1);
  });

  it('R34: replaying the same log gives the same state', () => {
    const log: MembershipFrame[] = [];
    let s = emptyMembershipState(SPACE);
    const steps: Array<Partial<MembershipFields>> = [
      genesisFields(),
      add(ALICE, Role.Editor),
      add(BOB, Role.Viewer),
      invite(Role.Editor, 0),
      accept(Role.Editor),
      setRole(BOB, Role.Admin),
      remove(ALICE, BOB),
    ];
    for (const over of steps) {
      const e = entry(s, over);
      log.push(e);
      s = applyMembershipEntry(s, e, deps);
    }
    const replay = log.reduce((st, e) => applyMembershipEntry(st, e, deps), emptyMembershipState(SPACE));
    expect(replay.seq).toBe(6);
    expect(toHex(replay.headHash)).toBe(toHex(s.headHash));
    expect(new Map(replay.members)).toEqual(
      new Map([
        [hex(ADMIN), Role.Admin],
        [hex(BOB), Role.Admin],
        [hex(NEWCOMER), Role.Editor],
      ]),
    );
    expect(new Set(writersOf(replay))).toEqual(new Set([hex(ADMIN), hex(ALICE), hex(NEWCOMER), hex(BOB)]));
    expect(replay.invites.size).toBe(0);
    // replaying an entry twice is a chain error
    expectTrameError(() => applyMembershipEntry(replay, log[6]!, deps), 'MEMBERSHIP_CHAIN');
  });

  it('uses the injected sha256 for the head hash', () => {
    const fake = vi.fn((_: Uint8Array) => filled(32, 0x42));
    const empty = emptyMembershipState(SPACE);
    const e = entry(empty, genesisFields());
    const s = applyMembershipEntry(empty, e, { ...deps, sha256: fake });
    expect(fake).toHaveBeenCalledWith(e.raw);
    expectBytes(s.headHash, filled(32, 0x42));
    // the next entry must chain on that value
    rejects(s, { ...add(ALICE, Role.Editor), prevHash: sha256(e.raw) }, 'MEMBERSHIP_CHAIN');
    expect(apply(s, add(ALICE, Role.Editor)).seq).toBe(1);
  });
});
