import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  decodeFrame,
  ERROR_CODES,
  FrameKind,
  MembershipAction,
  Role,
  TrameError,
  ZERO_HASH,
  ZERO_ID,
  type AckFrame,
  type ErrorFrame,
  type MembershipFrame,
} from '@trame/protocol';
import {
  generateIdentity,
  generateSpaceKey,
  keyCommitment,
  randomBytes,
  ready,
  sealKeyBundle,
  signMembershipEntry,
  type Identity,
} from '@trame/crypto';
import { AppendQueue } from './AppendQueue.js';
import { grantDraft } from './entryDrafts.js';
import { SpaceState } from './SpaceState.js';

beforeAll(async () => {
  await ready();
});

afterEach(() => {
  vi.useRealTimers();
});

function genesis(spaceId: Uint8Array, admin: Identity): Uint8Array {
  const key = generateSpaceKey();
  return signMembershipEntry(
    {
      spaceId,
      seq: 0,
      prevHash: ZERO_HASH,
      signer: admin.publicKey,
      action: MembershipAction.Genesis,
      subject: admin.publicKey,
      role: Role.Admin,
      epoch: 0,
      keyCommit: keyCommitment(key, spaceId, 0),
      sealedKeys: [
        {
          recipient: admin.publicKey,
          sealed: sealKeyBundle({ spaceId, seq: 0, recipient: admin.publicKey, epoch: 0 }, new Map([[0, key]])),
        },
      ],
    },
    admin,
  );
}

const ack = (seq: number): AckFrame => ({
  kind: FrameKind.Ack,
  ackedKind: FrameKind.Membership,
  ref: ZERO_ID,
  number: seq,
  tailCount: 0,
  tailBytes: 0,
  duplicate: false,
  raw: new Uint8Array(0),
});

const chainError = (): ErrorFrame => ({
  kind: FrameKind.Error,
  code: ERROR_CODES.MEMBERSHIP_CHAIN,
  refKind: FrameKind.Membership,
  ref: ZERO_ID,
  refNumber: 1,
  rangeFrom: 0,
  rangeTo: 0,
  latestSnapshotId: ZERO_ID,
  message: '',
  raw: new Uint8Array(0),
});

function setup() {
  const admin = generateIdentity();
  const spaceId = randomBytes(16);
  const state = new SpaceState(spaceId, admin, null);
  const sent: Uint8Array[] = [];
  const sink = { send: (f: Uint8Array) => sent.push(f) };
  const queue = new AppendQueue({ state, identity: admin, sink: () => sink });
  return { admin, spaceId, state, sent, sink, queue };
}

const seqOf = (raw: Uint8Array): number => (decodeFrame(raw) as MembershipFrame).seq;

describe('AppendQueue', () => {
  it('R31: one entry at a time; a draft is signed on the head as it is when it is sent', async () => {
    const t = setup();
    const first = t.queue.append(genesis(t.spaceId, t.admin), 0);
    const second = t.queue.appendNext(grantDraft(MembershipAction.Add, generateIdentity().publicKey, Role.Editor));
    expect(t.sent).toHaveLength(1);
    expect(t.queue.busy).toBe(true);
    t.queue.onAck(ack(0));
    expect(await first).toBe(t.sent[0]);
    expect(t.sent).toHaveLength(2);
    expect(seqOf(t.sent[1]!)).toBe(1);
    t.queue.onAck(ack(1));
    await second;
    expect(t.state.seq).toBe(1);
    expect(t.queue.busy).toBe(false);
  });

  it('R21: after a reconnection the unacknowledged entry is sent again unchanged', () => {
    const t = setup();
    void t.queue.append(genesis(t.spaceId, t.admin), 0);
    t.queue.ready(t.sink);
    expect(t.sent).toHaveLength(2);
    expect(t.sent[1]).toBe(t.sent[0]);
  });

  it('R70: an entry that lost a race (MEMBERSHIP_CHAIN) is rebuilt on the head, never re-sent as it was', async () => {
    vi.useFakeTimers();
    const t = setup();
    const first = t.queue.append(genesis(t.spaceId, t.admin), 0);
    t.queue.onAck(ack(0));
    await first;
    void t.queue.appendNext(grantDraft(MembershipAction.Add, generateIdentity().publicKey, Role.Editor));
    const lost = t.sent[1]!;
    expect(t.queue.onError(chainError(), new TrameError('MEMBERSHIP_CHAIN', 'raced'))).toBe(true);
    // The winning entry has not arrived: it waits for the head to move, 500 ms at most.
    expect(t.sent).toHaveLength(2);
    vi.advanceTimersByTime(500);
    expect(t.sent).toHaveLength(3);
    expect(seqOf(t.sent[2]!)).toBe(1);
    expect(t.sent[2]).not.toEqual(lost);
  });

  it('an ERROR about something else is not the queue’s; closing rejects every entry not stored', async () => {
    const t = setup();
    const other: ErrorFrame = { ...chainError(), refKind: FrameKind.Update };
    const pending = t.queue.append(genesis(t.spaceId, t.admin), 0);
    const queued = t.queue.append(genesis(t.spaceId, t.admin), 0);
    expect(t.queue.onError(other, new TrameError('INTERNAL'))).toBe(false);
    t.queue.failAll(new TrameError('CONNECTION_CLOSED', 'closed'));
    await Promise.all([
      expect(pending).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' }),
      expect(queued).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' }),
    ]);
  });
});
