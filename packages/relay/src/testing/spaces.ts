import { randomBytes } from 'node:crypto';
import {
  decodeFrame,
  encodeInviteWrap,
  FrameKind,
  Role,
  MembershipAction,
  type MembershipFrame,
} from '@trame/protocol';
import type { TestIdentity } from './createTestIdentity.js';
import { MembershipLog } from './MembershipLog.js';
import { randomId } from './randomId.js';
import { TestClient } from './TestClient.js';

/** A space created through the relay, with its admin's space-level connection. */
export interface TestSpace {
  spaceId: Uint8Array;
  log: MembershipLog;
  admin: TestIdentity;
  /** The admin's space-level connection (used to append entries). */
  control: TestClient;
  /** Appends an entry through `control` (an INVITE after its INVITE_WRAP) and waits for its ACK. */
  append(entry: Uint8Array): Promise<void>;
  /** ADD `subject` with `role`, signed by the admin. */
  add(subject: TestIdentity, role: number): Promise<void>;
}

/** Creates a space (CREATE + GENESIS) whose first admin is `admin`. */
export async function createTestSpace(url: string, admin: TestIdentity): Promise<TestSpace> {
  const spaceId = randomId();
  const log = new MembershipLog(spaceId);
  const [control, initial] = await TestClient.open(url, admin, { spaceId, create: true });
  if (initial.ready.membershipSeq !== -1) throw new Error('space unexpectedly exists');
  const genesis = log.genesis(admin);
  control.send(genesis);
  const ack = await control.expect(FrameKind.Ack);
  if (ack.number !== 0) throw new Error('genesis not acknowledged');
  log.accepted(genesis);
  const append = async (entry: Uint8Array): Promise<void> => {
    const decoded = decodeFrame(entry) as MembershipFrame;
    // R75: an INVITE goes with its wrap secret (these tests seal nothing real: any 32 bytes).
    if (decoded.action === MembershipAction.Invite) {
      control.send(
        encodeInviteWrap({ invite: decoded.subject, seq: decoded.seq, wrap: new Uint8Array(randomBytes(32)) }),
      );
    }
    control.send(entry);
    await control.expect(FrameKind.Ack);
    log.accepted(entry);
  };
  return {
    spaceId,
    log,
    admin,
    control,
    append,
    add: (subject, role) => append(log.next(admin, MembershipAction.Add, subject.publicKey, role)),
  };
}

/** Roles, re-exported for test readability. */
export { Role };
