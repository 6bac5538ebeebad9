import { describe, expect, it } from 'vitest';
import {
  decodeFrame,
  encodeInviteWrap,
  MembershipAction,
  Role,
  toHex,
  type InviteWrapFrame,
  type MembershipFrame,
  type PendingInvite,
} from '@trame/protocol';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { MembershipLog } from '../testing/MembershipLog.js';
import { randomId } from '../testing/randomId.js';
import { checkInviteWrap } from './checkInviteWrap.js';

const admin = createTestIdentity();
const invite = createTestIdentity();
const log = new MembershipLog(randomId());
log.accepted(log.genesis(admin));
const entry = (action: number, subject = invite.publicKey): MembershipFrame =>
  decodeFrame(
    log.next(admin, action, subject, Role.Editor, { expiresAt: action === MembershipAction.Invite ? 2e9 : 0 }),
  ) as MembershipFrame;
const wrapFor = (pk: Uint8Array, seq = 1): InviteWrapFrame =>
  decodeFrame(encodeInviteWrap({ invite: pk, seq, wrap: new Uint8Array(32).fill(7) })) as InviteWrapFrame;
const pending = new Map<string, PendingInvite>([[toHex(invite.publicKey), { role: Role.Editor, expiresAt: 2e9 }]]);

describe('checkInviteWrap (R75)', () => {
  it('R75: an INVITE without a wrap, or with the wrap of another identity or entry, is INVITE_WRAP_MISSING', () => {
    const missing = expect.objectContaining({ code: 'INVITE_WRAP_MISSING' });
    expect(() => checkInviteWrap(entry(MembershipAction.Invite), pending, [])).toThrow(missing);
    expect(() =>
      checkInviteWrap(entry(MembershipAction.Invite), pending, [wrapFor(createTestIdentity().publicKey)]),
    ).toThrow(missing);
    expect(() => checkInviteWrap(entry(MembershipAction.Invite), pending, [wrapFor(invite.publicKey, 7)])).toThrow(
      missing,
    );
  });

  it('R75: a bundle sealed to an invite identity with its wrap gives the record stored beside the entry', () => {
    expect(checkInviteWrap(entry(MembershipAction.Invite), pending, [wrapFor(invite.publicKey)])).toEqual([
      { identity: toHex(invite.publicKey), seq: 1, wrap: new Uint8Array(32).fill(7), expiresAt: 2e9 },
    ]);
  });

  it('R75: bundles sealed to members need no wrap', () => {
    expect(checkInviteWrap(entry(MembershipAction.Add, createTestIdentity().publicKey), pending, [])).toEqual([]);
  });
});
