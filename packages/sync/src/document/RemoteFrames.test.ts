import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  decodeFrame,
  FrameKind,
  toHex,
  ZERO_ID,
  type ReadyFrame,
  type SnapshotFrame,
  type TrameError,
  type UpdateFrame,
} from '@trame/protocol';
import { chainLink, generateIdentity, ready, sha256 } from '@trame/crypto';
import { sealSnapshot } from '../outbox/sealSnapshot.js';
import { sealUpdate } from '../outbox/sealUpdate.js';
import type { WriterContext } from '../outbox/WriterContext.js';
import type { SpaceState } from '../space/SpaceState.js';
import { DocumentReplica } from './DocumentReplica.js';
import { RemoteFrames } from './RemoteFrames.js';

beforeAll(async () => {
  await ready();
});

afterEach(() => {
  vi.useRealTimers();
});

const key = new Uint8Array(32).fill(6);
const docId = new Uint8Array(16).fill(2);
const alice = generateIdentity();
const aliceHex = toHex(alice.publicKey);

function writer(sealKey: Uint8Array = key): WriterContext {
  const space = { epoch: 0, spaceId: new Uint8Array(16).fill(1), docKey: () => sealKey } as unknown as SpaceState;
  return { identity: alice, space, docId, membershipView: () => ({ viewSeq: 0, viewHead: new Uint8Array(8) }) };
}

function edit(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function update(
  clock: number,
  prev?: UpdateFrame,
  o: { sealKey?: Uint8Array; snapshotId?: Uint8Array } = {},
): UpdateFrame {
  const prevLink = prev ? chainLink(prev.body) : undefined;
  const f = sealUpdate(writer(o.sealKey), o.snapshotId ?? ZERO_ID, clock, edit(`e${clock}`), prevLink, true);
  return decodeFrame(f.frame) as UpdateFrame;
}

function snapshot(sealKey: Uint8Array = key): SnapshotFrame {
  const f = sealSnapshot(writer(sealKey), null, new Map(), new Map(), edit('base'), []);
  return decodeFrame(f.frame) as SnapshotFrame;
}

function receiver(o: { currentWriter?: boolean } = {}) {
  const replica = new DocumentReplica();
  const space = {
    isTrustedWriter: (a: string) => a === aliceHex,
    isCurrentWriter: (a: string) => a === aliceHex && (o.currentWriter ?? true),
    checkView: () => null,
    docKey: () => key,
  } as unknown as SpaceState;
  const r = { reported: [] as TrameError[], resyncs: 0, failed: [] as TrameError[] };
  const remote = new RemoteFrames({
    replica,
    space,
    docId,
    port: {
      report: (e) => r.reported.push(e),
      resync: () => r.resyncs++,
      fail: (e) => r.failed.push(e),
      isLoaded: () => true,
    },
  });
  const codes = (): string[] => r.reported.map((e) => e.code);
  return { replica, remote, r, codes };
}

function forged(f: UpdateFrame): UpdateFrame {
  const raw = f.raw.slice();
  raw[raw.length - 1]! ^= 1;
  return decodeFrame(raw) as UpdateFrame;
}

const readyFor = (s: SnapshotFrame | null, tailCount: number): ReadyFrame => ({
  kind: FrameKind.Ready,
  role: 2,
  membershipSeq: 0,
  snapshotId: s?.snapshotId ?? ZERO_ID,
  snapshotHeight: s?.height ?? 0,
  tailCount,
  tailBytes: 0,
  raw: new Uint8Array(0),
});

const text = (replica: DocumentReplica): string => replica.shadow.getText('t').toString();

describe('RemoteFrames', () => {
  it('R41/R50: a live UPDATE with the author’s next clock applies and counts; served again it is REPLAY_DETECTED', () => {
    const t = receiver();
    const u1 = update(1);
    expect(t.remote.receiveUpdate(u1)?.delta).toBeInstanceOf(Uint8Array);
    expect(t.replica.clockOf(aliceHex)).toBe(1);
    expect(t.remote.receiveUpdate(u1)).toBeUndefined();
    expect(t.codes()).toEqual(['REPLAY_DETECTED']);
  });

  it('R57: a forged live frame does not burn its clock; the genuine one then applies, and nothing reloads', () => {
    vi.useFakeTimers();
    const t = receiver();
    const u1 = update(1);
    expect(t.remote.receiveUpdate(forged(u1))?.delta).toBeNull();
    expect(t.codes()).toEqual(['SIGNATURE_INVALID']);
    expect(t.r.reported[0]!.details.author).toBe(aliceHex);
    expect(t.replica.clockOf(aliceHex)).toBe(0);
    expect(t.remote.receiveUpdate(u1)?.delta).toBeInstanceOf(Uint8Array);
    vi.advanceTimersByTime(2000);
    expect(t.r.resyncs).toBe(0);
  });

  it('R57: when no frame counts a held-back clock within 2 s, the whole tail is reloaded', () => {
    vi.useFakeTimers();
    const t = receiver();
    t.remote.receiveUpdate(forged(update(1)));
    expect(t.remote.hello().knownTailCount).toBe(0);
    vi.advanceTimersByTime(1999);
    expect(t.r.resyncs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(t.r.resyncs).toBe(1);
  });

  it('MEMBERSHIP-5 (R40): a live UPDATE of a former writer is skipped and reported; its clock counts (INTEGRITY-1)', () => {
    const t = receiver({ currentWriter: false });
    expect(t.remote.receiveUpdate(update(1))?.delta).toBeNull();
    expect(t.codes()).toEqual(['UNTRUSTED_AUTHOR']);
    expect(t.replica.clockOf(aliceHex)).toBe(1);
    expect(text(t.replica)).toBe('');
  });

  it('R50: a live UPDATE that does not chain to the previous one is CHAIN_BROKEN and skipped', () => {
    const t = receiver();
    t.remote.receiveUpdate(update(1));
    expect(t.remote.receiveUpdate(update(2))?.delta).toBeNull();
    expect(t.codes()).toEqual(['CHAIN_BROKEN']);
  });

  it('R43: a live SNAPSHOT whose proof does not chain to the held one fails the state (FORK_DETECTED)', () => {
    const t = receiver();
    const held = {
      id: new Uint8Array(16).fill(9),
      height: 1,
      proof: sha256(new Uint8Array(1)),
      frameHash: sha256(new Uint8Array(2)),
    };
    t.replica.current = held;
    const other = { ...held, frameHash: sha256(new Uint8Array(3)) };
    const s = decodeFrame(sealSnapshot(writer(), other, new Map(), new Map(), edit('x'), []).frame) as SnapshotFrame;
    expect(t.remote.receiveSnapshot(s, false)).toBeUndefined();
    expect(t.r.failed.map((e) => e.code)).toEqual(['FORK_DETECTED']);
  });

  it('R53 (INTEGRITY-1): an unreadable live SNAPSHOT is reported, built on, and marked for replacement', () => {
    const t = receiver();
    t.remote.receiveUpdate(update(1));
    const s = snapshot(new Uint8Array(32).fill(1));
    expect(t.remote.receiveSnapshot(s, false)).toEqual({ delta: null });
    expect(t.codes()).toEqual(['SNAPSHOT_UNREADABLE']);
    expect(t.replica.current?.id).toEqual(s.snapshotId);
    expect(t.replica.replaceSnapshot).toBe(true);
    expect(text(t.replica)).toBe('e1');
  });

  it('R41/R50: a loaded tail applies in order; R48: the next HELLO counts what is held', () => {
    const t = receiver();
    const u1 = update(1);
    const u2 = update(2, u1);
    const loaded = t.remote.loadInitialState({ ...t.remote.hello(), updates: [u1, u2] }, readyFor(null, 2), {
      durable: undefined,
      seen: undefined,
    });
    expect(loaded).toEqual({ snapshot: null });
    expect(t.r.reported).toEqual([]);
    expect(t.replica.clockOf(aliceHex)).toBe(2);
    expect(t.remote.hello().knownTailCount).toBe(2);
  });

  it('R42: a served state below the durable heads is refused (ROLLBACK_DETECTED)', () => {
    const t = receiver();
    const durable = { snapshotId: toHex(ZERO_ID), height: 0, clocks: { [aliceHex]: 2 } };
    const loaded = t.remote.loadInitialState({ ...t.remote.hello(), updates: [update(1)] }, readyFor(null, 1), {
      durable,
      seen: durable,
    });
    expect(loaded).toBeUndefined();
    expect(t.r.failed.map((e) => e.code)).toEqual(['ROLLBACK_DETECTED']);
  });

  it('R53: an unreadable snapshot at load is reported and the next HELLO asks for its parent', () => {
    const t = receiver();
    const s = snapshot(new Uint8Array(32).fill(1));
    const loaded = t.remote.loadInitialState({ ...t.remote.hello(), snapshots: [s] }, readyFor(s, 0), {
      durable: undefined,
      seen: undefined,
    });
    expect(loaded).toBeUndefined();
    expect(t.codes()).toEqual(['SNAPSHOT_UNREADABLE']);
    expect(t.r.resyncs).toBe(1);
    expect(t.remote.hello().withParent).toBe(true);
  });
});
