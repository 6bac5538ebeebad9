import { describe, expect, it } from 'vitest';
import { decodeFrame, MembershipAction, Role, type MembershipFrame } from '@trame/protocol';
import { checkMembership } from '../checks/checkMembership.js';
import type { SpaceRecord } from '../storage/RelayStorage.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { MembershipLog } from '../testing/MembershipLog.js';
import { randomId } from '../testing/randomId.js';
import { lostAccessOf } from './lostAccessOf.js';

/** Folds a log the way the relay does, comparing lostAccessOf with the fold's own diff at each entry. */
function replay(entries: (log: MembershipLog) => Uint8Array[]): Array<string[]> {
  const log = new MembershipLog(randomId());
  let space: SpaceRecord | null = null;
  const lost: Array<string[]> = [];
  for (const raw of entries(log)) {
    const frame = decodeFrame(raw) as MembershipFrame;
    const result = checkMembership({ spaceId: log.spaceId, space, stored: null, nowSeconds: 0 }, frame);
    if (result.verdict !== 'append') throw new Error('rejected');
    expect(lostAccessOf(frame).sort(), `entry ${frame.seq}`).toEqual([...result.changes.lostAccess].sort());
    lost.push(lostAccessOf(frame));
    space = { ...result.next, spaceId: log.spaceId };
    log.accepted(raw);
  }
  return lost;
}

describe('lostAccessOf (R33 on instances that did not fold the entry)', () => {
  it('agrees with the fold for every action: REMOVE, ROTATE, revoked and consumed invites, and the others', () => {
    const admin = createTestIdentity();
    const editor = createTestIdentity();
    const invite = createTestIdentity();
    const revoked = createTestIdentity();
    const newcomer = createTestIdentity();
    const kept = createTestIdentity();
    const rotatedOut = createTestIdentity();
    const lost = replay((log) => {
      const out: Uint8Array[] = [];
      const push = (make: () => Uint8Array) => {
        const raw = make();
        out.push(raw);
        log.accepted(raw); // MembershipLog builds the next entry on this one
        return raw;
      };
      push(() => log.genesis(admin));
      push(() => log.next(admin, MembershipAction.Add, editor.publicKey, Role.Editor));
      push(() => log.next(admin, MembershipAction.SetRole, editor.publicKey, Role.Viewer));
      push(() => log.next(admin, MembershipAction.Invite, invite.publicKey, Role.Editor));
      push(() => log.next(admin, MembershipAction.Invite, revoked.publicKey, Role.Viewer));
      push(() => log.next(invite, MembershipAction.Accept, newcomer.publicKey, Role.Editor));
      push(() => log.next(admin, MembershipAction.Remove, revoked.publicKey, Role.None));
      push(() => log.next(admin, MembershipAction.Remove, editor.publicKey, Role.None));
      push(() => log.next(admin, MembershipAction.Add, kept.publicKey, Role.Editor));
      push(() => log.next(admin, MembershipAction.Add, rotatedOut.publicKey, Role.Editor));
      // R70: keys renewed by hand (subject = signer) take nothing; a removal with new keys does.
      const rotate = (subject: Uint8Array, epoch: number, remaining: Uint8Array[]) =>
        log.next(admin, MembershipAction.Rotate, subject, Role.None, { epoch, sealedFor: remaining });
      push(() =>
        rotate(admin.publicKey, 1, [admin.publicKey, newcomer.publicKey, kept.publicKey, rotatedOut.publicKey]),
      );
      push(() => rotate(rotatedOut.publicKey, 2, [admin.publicKey, newcomer.publicKey, kept.publicKey]));
      log.entries.length = 0; // replay() records them again as it folds
      return out;
    });
    expect(lost).toEqual([[], [], [], [], [], [invite.hex], [revoked.hex], [editor.hex], [], [], [], [rotatedOut.hex]]);
  });
});
