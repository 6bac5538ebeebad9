import {
  encodeAck,
  encodeAuth,
  encodeChallenge,
  encodeDurable,
  encodeHello,
  encodeReady,
  FrameKind,
  MembershipAction,
  Role,
  ZERO_ID,
} from '@trame/protocol';
import { buildEphemeral, buildMembership, buildSnapshot, buildUpdate } from '../testing/buildFrames.js';
import type { TestIdentity } from '../testing/createTestIdentity.js';
import { MembershipLog } from '../testing/MembershipLog.js';
import { snapshotProofOf } from '../testing/snapshotProofOf.js';

/** Valid frames of every kind for one space and document: what the fuzzers mutate. */
export function fuzzSeeds(
  who: TestIdentity,
  other: TestIdentity,
  spaceId: Uint8Array,
  docId: Uint8Array,
): Uint8Array[] {
  const log = new MembershipLog(spaceId);
  const genesis = log.genesis(who);
  log.accepted(genesis);
  return [
    encodeHello({
      create: true,
      spaceId,
      docId,
      identity: who.publicKey,
      knownMembershipSeq: -1,
      knownSnapshotId: ZERO_ID,
      knownTailCount: 0,
    }),
    encodeChallenge(new Uint8Array(32).fill(7)),
    encodeAuth(new Uint8Array(64).fill(9)),
    encodeReady({
      role: Role.Editor,
      membershipSeq: 3,
      snapshotId: ZERO_ID,
      snapshotHeight: 0,
      tailCount: 1,
      tailBytes: 10,
    }),
    encodeAck({ ackedKind: FrameKind.Update, ref: ZERO_ID, number: 1, tailCount: 1, tailBytes: 10, duplicate: false }),
    encodeDurable(),
    genesis,
    log.next(who, MembershipAction.Add, other.publicKey, Role.Editor),
    buildMembership({
      signer: who,
      spaceId,
      seq: 1,
      action: MembershipAction.Add,
      subject: other.publicKey,
      role: Role.Viewer,
      prevHash: new Uint8Array(32),
    }),
    buildUpdate({ author: who, spaceId, docId, clock: 1 }),
    buildUpdate({ author: who, spaceId, docId, clock: 2, ciphertext: new Uint8Array(300) }),
    buildSnapshot({
      author: who,
      spaceId,
      docId,
      snapshotId: new Uint8Array(16).fill(3),
      height: 1,
      proof: snapshotProofOf(),
      clocks: [{ author: who.publicKey, clock: 2 }],
    }),
    buildEphemeral({ author: who, spaceId, docId, sequence: 1 }),
  ];
}
