import { describe, expect, it } from 'vitest';
import {
  decodeFrame,
  isTrameError,
  MembershipAction,
  Role,
  toHex,
  type MembershipFrame,
  type PendingInvite,
} from '@trame/protocol';
import type { SpaceRecord } from '../storage/RelayStorage.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { MembershipLog } from '../testing/MembershipLog.js';
import { randomId } from '../testing/randomId.js';
import { checkMembership, type MembershipFacts } from './checkMembership.js';

const admin = createTestIdentity();
const editor = createTestIdentity();

function setup(): {
  log: MembershipLog;
  record: () => SpaceRecord;
  apply: (raw: Uint8Array, now?: number) => ReturnType<typeof checkMembership>;
} {
  const spaceId = randomId();
  const log = new MembershipLog(spaceId);
  let record: SpaceRecord | null = null;
  const apply = (raw: Uint8Array, nowSeconds = 1000): ReturnType<typeof checkMembership> => {
    const facts: MembershipFacts = { spaceId, space: record, stored: null, nowSeconds };
    const result = checkMembership(facts, decodeFrame(raw) as MembershipFrame);
    if (result.verdict === 'append') {
      record = {
        spaceId,
        seq: result.next.seq,
        headHash: result.hash,
        epoch: result.next.epoch,
        members: result.next.members,
        invites: result.next.invites,
      };
      log.accepted(raw);
    }
    return result;
  };
  apply(log.genesis(admin));
  return { log, record: () => record!, apply };
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isTrameError(e)) return e.code;
    throw e;
  }
  return 'accepted';
}

describe('checkMembership', () => {
  it('R30: a genesis founds the space with its signer as admin', () => {
    const { record } = setup();
    expect(record().seq).toBe(0);
    expect(record().members.get(admin.hex)).toBe(Role.Admin);
  });

  it('R31: the hash chain links entries (the next prevHash is SHA-256 of the whole previous entry)', () => {
    const { log, apply } = setup();
    const result = apply(log.next(admin, MembershipAction.Add, editor.publicKey, Role.Editor));
    expect(result.verdict).toBe('append');
    if (result.verdict !== 'append') return;
    expect(toHex(result.hash)).toBe(toHex(log.headHash));
    expect(result.changes.setMembers).toEqual([[editor.hex, Role.Editor]]);
  });

  it('R31: refuses bad signatures, broken chains and non-admin signers', () => {
    const { log, apply } = setup();
    expect(
      code(() => apply(log.next(admin, MembershipAction.Add, editor.publicKey, Role.Editor, { signWith: editor }))),
    ).toBe('BAD_SIGNATURE');
    expect(code(() => apply(log.next(admin, MembershipAction.Add, editor.publicKey, Role.Editor, { seq: 5 })))).toBe(
      'MEMBERSHIP_CHAIN',
    );
    expect(code(() => apply(log.next(editor, MembershipAction.Add, editor.publicKey, Role.Editor)))).toBe(
      'FORBIDDEN_ROLE',
    );
  });

  it('R33/R35: reports who loses access (removed members, consumed or revoked invites)', () => {
    const { log, apply } = setup();
    apply(log.next(admin, MembershipAction.Add, editor.publicKey, Role.Editor));
    const invite = createTestIdentity();
    apply(log.next(admin, MembershipAction.Invite, invite.publicKey, Role.Viewer, { expiresAt: 2000 }));
    const newcomer = createTestIdentity();
    const accepted = apply(log.next(invite, MembershipAction.Accept, newcomer.publicKey, Role.Viewer), 1500);
    expect(accepted.verdict === 'append' && accepted.changes.lostAccess).toEqual([invite.hex]);
    expect(accepted.verdict === 'append' && accepted.changes.setMembers).toEqual([[newcomer.hex, Role.Viewer]]);
    const removed = apply(log.next(admin, MembershipAction.Remove, editor.publicKey, Role.None));
    expect(removed.verdict === 'append' && removed.changes.lostAccess).toEqual([editor.hex]);
    const roleChange = apply(log.next(admin, MembershipAction.SetRole, newcomer.publicKey, Role.Editor));
    expect(roleChange.verdict === 'append' && roleChange.changes.lostAccess).toEqual([]);
  });

  it('R35: an invite past its expiry (relay clock) cannot be accepted', () => {
    const { log, apply, record } = setup();
    const invite = createTestIdentity();
    apply(log.next(admin, MembershipAction.Invite, invite.publicKey, Role.Viewer, { expiresAt: 2000 }));
    expect((record().invites.get(invite.hex) as PendingInvite).expiresAt).toBe(2000);
    expect(code(() => apply(log.next(invite, MembershipAction.Accept, editor.publicKey, Role.Viewer), 2001))).toBe(
      'INVALID_MEMBERSHIP',
    );
  });

  it('R21: a byte-identical copy of the stored entry is a duplicate', () => {
    const { log, record } = setup();
    const genesis = log.entries[0]!;
    const facts: MembershipFacts = { spaceId: log.spaceId, space: record(), stored: genesis, nowSeconds: 0 };
    expect(checkMembership(facts, decodeFrame(genesis) as MembershipFrame).verdict).toBe('duplicate');
    expect(code(() => checkMembership(facts, decodeFrame(log.genesis(admin)) as MembershipFrame))).toBe(
      'MEMBERSHIP_CHAIN',
    );
  });
});
