import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  bytesEqual,
  decodeFrame,
  ERROR_CODES,
  FrameKind,
  toHex,
  ZERO_ID,
  type AckFrame,
  type ErrorCode,
  type ErrorFrame,
  type SnapshotFrame,
  type TrameError,
  type UpdateFrame,
} from '@trame/protocol';
import { aeadDecrypt, chainLink, generateIdentity, ready, sha256, type Identity } from '@trame/crypto';
import { DocumentReplica } from '../document/DocumentReplica.js';
import type { SpaceState } from '../space/SpaceState.js';
import { EVERY_FRAME_SIGNATURE_POLICY, type SignaturePolicy } from './mustSign.js';
import { Outbox } from './Outbox.js';

beforeAll(async () => {
  await ready();
});

afterEach(() => {
  vi.useRealTimers();
});

const key = new Uint8Array(32).fill(5);

interface Harness {
  outbox: Outbox;
  replica: DocumentReplica;
  space: { epoch: number; writer: boolean };
  me: Identity;
  sent: Array<UpdateFrame | SnapshotFrame>;
  raw: Uint8Array[];
  reported: TrameError[];
  resyncs: number;
  type(text: string): void;
}

function harness(o: { policy?: SignaturePolicy; afterUpdates?: number } = {}): Harness {
  const me = generateIdentity();
  const space = { epoch: 0, writer: true };
  const fakeSpace = {
    get epoch() {
      return space.epoch;
    },
    spaceId: new Uint8Array(16).fill(7),
    canWrite: () => space.writer,
    hasKey: () => true,
    docKey: () => key,
  } as unknown as SpaceState;
  const replica = new DocumentReplica();
  const editor = new Y.Doc();
  const h: Harness = {
    me,
    space,
    replica,
    sent: [],
    raw: [],
    reported: [],
    resyncs: 0,
    outbox: new Outbox({
      replica,
      writer: {
        identity: me,
        space: fakeSpace,
        docId: new Uint8Array(16).fill(8),
        membershipView: () => ({ viewSeq: 0, viewHead: new Uint8Array(8) }),
      },
      compaction: { afterUpdates: o.afterUpdates ?? 200, afterBytes: 512 * 1024 },
      minUpdateIntervalMs: 0,
      signaturePolicy: o.policy ?? EVERY_FRAME_SIGNATURE_POLICY,
      port: {
        isLive: () => true,
        isFatal: () => false,
        send: (frame) => {
          h.raw.push(frame);
          h.sent.push(decodeFrame(frame) as UpdateFrame | SnapshotFrame);
        },
        report: (e) => h.reported.push(e),
        resync: () => h.resyncs++,
        statusChanged: () => {},
      },
    }),
    type(s) {
      let u: Uint8Array | null = null;
      editor.once('update', (x: Uint8Array) => (u = x));
      editor.getText('t').insert(editor.getText('t').length, s);
      h.outbox.addLocal(u!);
    },
  };
  return h;
}

const plain = (f: UpdateFrame | SnapshotFrame): Uint8Array => aeadDecrypt(key, f.nonce, f.ciphertext, f.header);

function text(...frames: Array<UpdateFrame | SnapshotFrame>): string {
  const doc = new Y.Doc();
  for (const f of frames) Y.applyUpdate(doc, plain(f));
  return doc.getText('t').toString();
}

function ack(f: UpdateFrame | SnapshotFrame, tailCount = 1): AckFrame {
  const update = f.kind === FrameKind.Update;
  return {
    kind: FrameKind.Ack,
    ackedKind: f.kind,
    ref: f.snapshotId,
    number: update ? f.clock : f.height,
    tailCount,
    tailBytes: 100,
    duplicate: false,
    raw: new Uint8Array(0),
  };
}

function refusal(f: UpdateFrame | SnapshotFrame, code: ErrorCode): ErrorFrame {
  const update = f.kind === FrameKind.Update;
  return {
    kind: FrameKind.Error,
    code: ERROR_CODES[code],
    refKind: f.kind,
    ref: f.snapshotId,
    refNumber: update ? f.clock : f.height,
    rangeFrom: 0,
    rangeTo: 0,
    latestSnapshotId: ZERO_ID,
    message: '',
    raw: new Uint8Array(0),
  };
}

const update = (h: Harness, i: number): UpdateFrame => h.sent[i] as UpdateFrame;

describe('Outbox', () => {
  it('R45: one UPDATE in flight; edits made meanwhile go out merged in the next, with the next clock', () => {
    const h = harness();
    h.type('a');
    h.type('b');
    h.type('c');
    expect(h.sent).toHaveLength(1);
    expect(update(h, 0)).toMatchObject({ kind: FrameKind.Update, clock: 1 });
    expect(h.outbox.hasUnsavedChanges).toBe(true);
    h.outbox.onAck(ack(update(h, 0)));
    expect(h.sent).toHaveLength(2);
    expect(update(h, 1).clock).toBe(2);
    expect(text(update(h, 0), update(h, 1))).toBe('abc');
    h.outbox.onAck(ack(update(h, 1)));
    expect(h.outbox.hasUnsavedChanges).toBe(false);
    expect(h.replica.clockOf(toHex(h.me.publicKey))).toBe(2);
  });

  it('R50: each UPDATE names the chain link of the previous one; the first names zeros', () => {
    const h = harness();
    h.type('a');
    h.outbox.onAck(ack(update(h, 0)));
    h.type('b');
    expect(update(h, 0).prevLink).toEqual(new Uint8Array(32));
    expect(bytesEqual(update(h, 1).prevLink, chainLink(update(h, 0).body))).toBe(true);
  });

  it('R45: STALE_SNAPSHOT re-sends the content on the latest snapshot with the next clock there', () => {
    const h = harness();
    h.type('a');
    h.replica.current = {
      id: new Uint8Array(16).fill(9),
      height: 1,
      proof: sha256(new Uint8Array(1)),
      frameHash: sha256(new Uint8Array(2)),
    };
    h.outbox.onError(refusal(update(h, 0), 'STALE_SNAPSHOT'));
    expect(h.sent).toHaveLength(2);
    expect(update(h, 1).snapshotId).toEqual(new Uint8Array(16).fill(9));
    expect(update(h, 1).clock).toBe(1);
    expect(plain(update(h, 1))).toEqual(plain(update(h, 0)));
    expect(h.reported).toEqual([]);
  });

  it('R21/R45: after a reload, an UPDATE the relay did not store goes again byte for byte; a stored one is dropped', () => {
    const h = harness();
    h.type('a');
    h.outbox.resolveAfterLoad(null);
    h.outbox.resendInflight();
    expect(h.raw[1]).toBe(h.raw[0]);
    h.replica.clocks.set(toHex(h.me.publicKey), 1);
    h.outbox.resolveAfterLoad(null);
    expect(h.outbox.hasUnsavedChanges).toBe(false);
  });

  it('R46: an ACK over the compaction bound publishes the shadow document as a SNAPSHOT carrying the pending edits', () => {
    const h = harness({ afterUpdates: 2 });
    h.type('a');
    h.type('b');
    h.outbox.onAck(ack(update(h, 0), 2));
    const s = h.sent[1] as SnapshotFrame;
    expect(s.kind).toBe(FrameKind.Snapshot);
    expect(s.height).toBe(1);
    expect(s.clocks.map((c) => [toHex(c.author), c.clock])).toEqual([[toHex(h.me.publicKey), 1]]);
    expect(text(s)).toBe('ab');
    expect(h.outbox.hasUnsavedChanges).toBe(true);
    h.outbox.onAck(ack(s));
    expect(h.replica.current?.id).toEqual(s.snapshotId);
    expect(h.outbox.hasUnsavedChanges).toBe(false);
  });

  it('R65: COMPACTION_REQUIRED sends the refused content inside a snapshot, reported to nobody', () => {
    const h = harness();
    h.type('a');
    h.outbox.onError(refusal(update(h, 0), 'COMPACTION_REQUIRED'));
    expect(h.sent[1]?.kind).toBe(FrameKind.Snapshot);
    expect(text(h.sent[1]!)).toBe('a');
    expect(h.reported).toEqual([]);
  });

  it('R23/R45: FORBIDDEN_ROLE keeps the edits here, unsent and unsaved', () => {
    const h = harness();
    h.type('a');
    h.outbox.onError(refusal(update(h, 0), 'FORBIDDEN_ROLE'));
    expect(h.reported.map((e) => e.code)).toEqual(['FORBIDDEN_ROLE']);
    expect(h.outbox.hasUnsavedChanges).toBe(true);
    expect(h.sent).toHaveLength(1);
  });

  it('R73: after a ROTATE a writer moves the document with a snapshot under the new key', () => {
    const h = harness();
    h.type('a');
    h.outbox.onAck(ack(update(h, 0)));
    expect(h.replica.docEpoch).toBe(0);
    h.space.epoch = 1;
    h.outbox.afterMembership();
    const s = h.sent[1] as SnapshotFrame;
    expect(s.kind).toBe(FrameKind.Snapshot);
    expect(s.epoch).toBe(1);
  });

  it('R73: STALE_EPOCH reloads once to fetch the ROTATE; a second one at the same epoch holds the edits', () => {
    const h = harness();
    h.type('a');
    h.outbox.onError(refusal(update(h, 0), 'STALE_EPOCH'));
    expect(h.resyncs).toBe(1);
    h.outbox.flush();
    h.outbox.onError(refusal(update(h, 1), 'STALE_EPOCH'));
    expect(h.resyncs).toBe(1);
    expect(h.reported.map((e) => e.code)).toEqual(['STALE_EPOCH', 'STALE_EPOCH']);
    expect(h.outbox.hasUnsavedChanges).toBe(true);
  });

  it('R80: CHAIN_MISMATCH on the in-flight UPDATE reloads the chain and queues its content again', () => {
    const h = harness();
    h.type('a');
    h.outbox.onError(refusal(update(h, 0), 'CHAIN_MISMATCH'));
    expect(h.resyncs).toBe(1);
    expect(h.reported.map((e) => e.code)).toEqual(['CHAIN_MISMATCH']);
    expect(h.outbox.hasUnsavedChanges).toBe(true);
  });

  it('R81: CHAIN_MISMATCH on our SNAPSHOT reloads the links the relay holds; its edits wait as pending', () => {
    const h = harness({ afterUpdates: 1 });
    h.type('a');
    h.type('b');
    h.outbox.onAck(ack(update(h, 0)));
    const s = h.sent[1] as SnapshotFrame;
    expect(s.kind).toBe(FrameKind.Snapshot);
    h.outbox.onError(refusal(s, 'CHAIN_MISMATCH'));
    expect(h.resyncs).toBe(1);
    expect(h.outbox.hasUnsavedChanges).toBe(true);
  });

  it('R51: after an unsigned UPDATE and a pause, a signed checkpoint (an empty update) follows within everyMs', () => {
    vi.useFakeTimers();
    const h = harness({ policy: { everyFrames: 32, everyMs: 1000 } });
    h.type('a');
    h.outbox.onAck(ack(update(h, 0)));
    vi.advanceTimersByTime(10);
    h.type('b');
    h.outbox.onAck(ack(update(h, 1)));
    expect([update(h, 0).signed, update(h, 1).signed]).toEqual([true, false]);
    vi.advanceTimersByTime(1000);
    expect(h.sent).toHaveLength(3);
    expect(update(h, 2)).toMatchObject({ signed: true, clock: 3 });
    expect(plain(update(h, 2))).toEqual(new Uint8Array([0, 0]));
    expect(h.outbox.hasUnsavedChanges).toBe(false);
    h.outbox.destroy();
  });
});
