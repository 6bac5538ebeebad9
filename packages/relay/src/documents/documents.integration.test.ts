import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  bytesEqual,
  decodeFrame,
  FrameKind,
  MembershipAction,
  Role,
  toHex,
  ZERO_ID,
  type SnapshotFrame,
} from '@trame/protocol';
import { buildEphemeral, buildSnapshot, buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity, type TestIdentity } from '../testing/createTestIdentity.js';
import { dumpSqlite } from '../testing/dumpSqlite.js';
import { expectStorageUnchanged } from '../testing/expectStorageUnchanged.js';
import { FlakyStorage } from '../testing/FlakyStorage.js';
import { Gate } from '../testing/Gate.js';
import { randomId } from '../testing/randomId.js';
import { snapshotProofOf } from '../testing/snapshotProofOf.js';
import { createTestSpace, type TestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay } from '../testing/startTestRelay.js';
import { TestClient, type InitialFrames } from '../testing/TestClient.js';

let relay: TestRelay;
const clients: TestClient[] = [];

beforeAll(async () => {
  relay = await startTestRelay();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await relay.close();
});

async function open(
  identity: TestIdentity,
  spaceId: Uint8Array,
  docId?: Uint8Array,
  extra = {},
): Promise<[TestClient, InitialFrames]> {
  const [client, initial] = await TestClient.open(relay.url, identity, {
    spaceId,
    ...(docId ? { docId } : {}),
    ...extra,
  });
  clients.push(client);
  return [client, initial];
}

interface Fixture {
  admin: TestIdentity;
  editor: TestIdentity;
  viewer: TestIdentity;
  space: TestSpace;
  docId: Uint8Array;
}

async function fixture(): Promise<Fixture> {
  const admin = createTestIdentity();
  const editor = createTestIdentity();
  const viewer = createTestIdentity();
  const space = await createTestSpace(relay.url, admin);
  clients.push(space.control);
  await space.add(editor, Role.Editor);
  await space.add(viewer, Role.Viewer);
  return { admin, editor, viewer, space, docId: randomId() };
}

describe('UPDATE checks', () => {
  it('R20: accepts clocks 1, 2, 3 and reports the tail in each ACK', async () => {
    const { editor, space, docId } = await fixture();
    const [c] = await open(editor, space.spaceId, docId);
    let bytes = 0;
    for (let clock = 1; clock <= 3; clock++) {
      const frame = buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock });
      bytes += frame.length;
      c.send(frame);
      const ack = await c.expectAck();
      expect(ack.ackedKind).toBe(FrameKind.Update);
      expect(bytesEqual(ack.ref, ZERO_ID)).toBe(true);
      expect(ack.number).toBe(clock);
      expect(ack.duplicate).toBe(false);
      expect(ack.tailCount).toBe(clock);
      expect(ack.tailBytes).toBe(bytes);
    }
  });

  it('R20: rejects a clock gap with the missing range and keeps the connection open', async () => {
    const { editor, space, docId } = await fixture();
    const [c] = await open(editor, space.spaceId, docId);
    c.send(buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock: 1 }));
    await c.expectAck();
    const gap = buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock: 5 });
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(gap);
      const err = await c.expectError('CLOCK_GAP');
      expect(err.rangeFrom).toBe(2);
      expect(err.rangeTo).toBe(4);
      expect(err.refKind).toBe(FrameKind.Update);
      expect(err.refNumber).toBe(5);
    });
    c.send(buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock: 2 }));
    expect((await c.expectAck()).number).toBe(2);
  });

  it('R20: rejects an older clock with different bytes as CLOCK_REPLAY', async () => {
    const { editor, space, docId } = await fixture();
    const [c] = await open(editor, space.spaceId, docId);
    for (const clock of [1, 2]) {
      c.send(buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock }));
      await c.expectAck();
    }
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock: 1 }));
      expect((await c.expectError('CLOCK_REPLAY')).refNumber).toBe(1);
    });
  });

  it('R21: acknowledges a byte-identical resend as DUPLICATE without storing or forwarding it', async () => {
    const { editor, admin, space, docId } = await fixture();
    const [c] = await open(editor, space.spaceId, docId);
    const [watcher] = await open(admin, space.spaceId, docId);
    const frame = buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock: 1 });
    c.send(frame);
    const first = await c.expectAck();
    expect(first.duplicate).toBe(false);
    await watcher.expect(FrameKind.Update);
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(frame);
      const again = await c.expectAck();
      expect(again.duplicate).toBe(true);
      expect(again.number).toBe(1);
      expect(again.tailCount).toBe(1);
    });
    await watcher.expectNothing();
  });

  it('R22: rejects an update on a snapshot that is not the latest with STALE_SNAPSHOT and the latest id', async () => {
    const { editor, space, docId } = await fixture();
    const [c] = await open(editor, space.spaceId, docId);
    const snapshotId = randomId();
    c.send(
      buildSnapshot({
        author: editor,
        spaceId: space.spaceId,
        docId,
        snapshotId,
        height: 1,
        proof: snapshotProofOf(),
        clocks: [],
      }),
    );
    await c.expectAck();
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock: 1 }));
      const err = await c.expectError('STALE_SNAPSHOT');
      expect(toHex(err.latestSnapshotId)).toBe(toHex(snapshotId));
    });
    c.send(buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock: 1, snapshotId }));
    const ack = await c.expectAck();
    expect(toHex(ack.ref)).toBe(toHex(snapshotId));
  });

  it('R23: rejects an update whose author is not the connection identity (AUTHOR_MISMATCH)', async () => {
    const { editor, admin, space, docId } = await fixture();
    const [c] = await open(editor, space.spaceId, docId);
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(buildUpdate({ author: admin, spaceId: space.spaceId, docId, clock: 1 }));
      await c.expectError('AUTHOR_MISMATCH');
    });
    expect(c.isClosed).toBe(false);
  });

  it('R23: rejects frames for another document or on a space-level connection (WRONG_TARGET)', async () => {
    const { editor, space, docId } = await fixture();
    const [c] = await open(editor, space.spaceId, docId);
    const [spaceLevel] = await open(editor, space.spaceId);
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(buildUpdate({ author: editor, spaceId: space.spaceId, docId: randomId(), clock: 1 }));
      await c.expectError('WRONG_TARGET');
      c.send(buildUpdate({ author: editor, spaceId: randomId(), docId, clock: 1 }));
      await c.expectError('WRONG_TARGET');
      spaceLevel.send(buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock: 1 }));
      await spaceLevel.expectError('WRONG_TARGET');
      spaceLevel.send(
        buildSnapshot({
          author: editor,
          spaceId: space.spaceId,
          docId,
          snapshotId: randomId(),
          height: 1,
          proof: snapshotProofOf(),
          clocks: [],
        }),
      );
      await spaceLevel.expectError('WRONG_TARGET');
    });
  });

  it('R23: rejects a viewer write with FORBIDDEN_ROLE and keeps the connection open', async () => {
    const { viewer, space, docId } = await fixture();
    const [c, initial] = await open(viewer, space.spaceId, docId);
    expect(initial.ready.role).toBe(Role.Viewer);
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(buildUpdate({ author: viewer, spaceId: space.spaceId, docId, clock: 1 }));
      await c.expectError('FORBIDDEN_ROLE');
    });
    // Still open: a viewer may send awareness.
    c.send(buildEphemeral({ author: viewer, spaceId: space.spaceId, docId, sequence: 1 }));
    await c.expectNothing();
    expect(c.isClosed).toBe(false);
  });

  it('R23: rejects an epoch other than the current one (STALE_EPOCH)', async () => {
    const { editor, space, docId } = await fixture();
    const [c] = await open(editor, space.spaceId, docId);
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock: 1, epoch: 1 }));
      await c.expectError('STALE_EPOCH');
    });
  });
});

describe('SNAPSHOT checks', () => {
  async function writeTail(
    f: Fixture,
    c: TestClient,
    who: TestIdentity,
    count: number,
    snapshotId = ZERO_ID,
  ): Promise<void> {
    for (let clock = 1; clock <= count; clock++) {
      c.send(buildUpdate({ author: who, spaceId: f.space.spaceId, docId: f.docId, clock, snapshotId }));
      // Skip what other writers' updates forwarded to this connection meanwhile.
      while ((await c.next()).kind !== FrameKind.Ack);
    }
  }

  it('R24/R25/R28: accepts a snapshot with the right proof and clocks, resets the tail, and chains a second one', async () => {
    const f = await fixture();
    const [ce] = await open(f.editor, f.space.spaceId, f.docId);
    const [ca] = await open(f.admin, f.space.spaceId, f.docId);
    await writeTail(f, ce, f.editor, 3);
    await writeTail(f, ca, f.admin, 2);
    await ce.expect(FrameKind.Update); // the admin's two updates, forwarded
    await ce.expect(FrameKind.Update);
    const s1Id = randomId();
    const s1 = buildSnapshot({
      author: f.editor,
      spaceId: f.space.spaceId,
      docId: f.docId,
      snapshotId: s1Id,
      height: 1,
      proof: snapshotProofOf(),
      clocks: [
        { author: f.admin.publicKey, clock: 2 },
        { author: f.editor.publicKey, clock: 3 },
      ],
    });
    ce.send(s1);
    const ack = await ce.expectAck();
    expect(ack.ackedKind).toBe(FrameKind.Snapshot);
    expect(toHex(ack.ref)).toBe(toHex(s1Id));
    expect(ack.number).toBe(1);
    expect([ack.tailCount, ack.tailBytes]).toEqual([0, 0]);
    const forwarded = await ca.expect(FrameKind.Snapshot);
    expect(bytesEqual(forwarded.raw, s1)).toBe(true);

    await writeTail(f, ce, f.editor, 1, s1Id);
    const s1Frame = decodeFrame(s1) as SnapshotFrame;
    const s2Id = randomId();
    ce.send(
      buildSnapshot({
        author: f.editor,
        spaceId: f.space.spaceId,
        docId: f.docId,
        snapshotId: s2Id,
        parentId: s1Id,
        height: 2,
        proof: snapshotProofOf({ proof: s1Frame.proof, raw: s1 }),
        clocks: [{ author: f.editor.publicKey, clock: 1 }],
      }),
    );
    expect((await ce.expectAck()).number).toBe(2);
    // R28: the updates on the zero snapshot (two snapshots back) are pruned; the parent's tail is kept.
    const dump = JSON.parse(dumpSqlite(relay.dbFile)) as Record<string, string[]>;
    const docHex = toHex(f.docId);
    const updates = dump.updates!.filter((r) => r.includes(docHex));
    expect(updates).toHaveLength(1);
    const snapshots = dump.snapshots!.filter((r) => r.includes(docHex));
    expect(snapshots).toHaveLength(2);
  });

  it('R24: rejects a wrong proof or height with BAD_PROOF', async () => {
    const f = await fixture();
    const [c] = await open(f.editor, f.space.spaceId, f.docId);
    const base = { author: f.editor, spaceId: f.space.spaceId, docId: f.docId, clocks: [] };
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(buildSnapshot({ ...base, snapshotId: randomId(), height: 1, proof: new Uint8Array(32).fill(7) }));
      await c.expectError('BAD_PROOF');
      c.send(buildSnapshot({ ...base, snapshotId: randomId(), height: 2, proof: snapshotProofOf() }));
      await c.expectError('BAD_PROOF');
    });
  });

  it('R25: rejects a snapshot that leaves out an author or lists an old clock (SNAPSHOT_INCOMPLETE)', async () => {
    const f = await fixture();
    const [ce] = await open(f.editor, f.space.spaceId, f.docId);
    const [ca] = await open(f.admin, f.space.spaceId, f.docId);
    await writeTail(f, ce, f.editor, 2);
    await writeTail(f, ca, f.admin, 1);
    const base = {
      author: f.editor,
      spaceId: f.space.spaceId,
      docId: f.docId,
      height: 1,
      proof: snapshotProofOf(),
    };
    await expectStorageUnchanged(relay.dbFile, async () => {
      ce.send(buildSnapshot({ ...base, snapshotId: randomId(), clocks: [{ author: f.editor.publicKey, clock: 2 }] }));
      await ce.expect(FrameKind.Update); // the admin's update, forwarded first
      await ce.expectError('SNAPSHOT_INCOMPLETE');
      ce.send(
        buildSnapshot({
          ...base,
          snapshotId: randomId(),
          clocks: [
            { author: f.editor.publicKey, clock: 1 },
            { author: f.admin.publicKey, clock: 1 },
          ],
        }),
      );
      await ce.expectError('SNAPSHOT_INCOMPLETE');
      ce.send(
        buildSnapshot({
          ...base,
          snapshotId: randomId(),
          clocks: [
            { author: f.editor.publicKey, clock: 2 },
            { author: f.admin.publicKey, clock: 1 },
            { author: f.viewer.publicKey, clock: 1 },
          ],
        }),
      );
      await ce.expectError('SNAPSHOT_INCOMPLETE');
    });
  });

  it('R24/R26: rejects a snapshot on a stale parent or reusing an id (SNAPSHOT_CONFLICT), accepts an identical resend as DUPLICATE', async () => {
    const f = await fixture();
    const [c] = await open(f.editor, f.space.spaceId, f.docId);
    const s1Id = randomId();
    const s1 = buildSnapshot({
      author: f.editor,
      spaceId: f.space.spaceId,
      docId: f.docId,
      snapshotId: s1Id,
      height: 1,
      proof: snapshotProofOf(),
      clocks: [],
    });
    c.send(s1);
    await c.expectAck();
    await expectStorageUnchanged(relay.dbFile, async () => {
      // Another writer's first snapshot, built on the same (empty) parent: too late.
      c.send(
        buildSnapshot({
          author: f.editor,
          spaceId: f.space.spaceId,
          docId: f.docId,
          snapshotId: randomId(),
          height: 1,
          proof: snapshotProofOf(),
          clocks: [],
        }),
      );
      const conflict = await c.expectError('SNAPSHOT_CONFLICT');
      expect(toHex(conflict.latestSnapshotId)).toBe(toHex(s1Id));
      // Same id, other bytes.
      c.send(
        buildSnapshot({
          author: f.editor,
          spaceId: f.space.spaceId,
          docId: f.docId,
          snapshotId: s1Id,
          height: 1,
          proof: snapshotProofOf(),
          clocks: [],
        }),
      );
      expect(toHex((await c.expectError('SNAPSHOT_CONFLICT')).latestSnapshotId)).toBe(toHex(s1Id));
      c.send(s1);
      expect((await c.expectAck()).duplicate).toBe(true);
    });
  });
});

describe('forwarding and initial state', () => {
  it('R27: forwards accepted frames unchanged to the other connections of the document, in order, and not to others', async () => {
    const f = await fixture();
    const [ce] = await open(f.editor, f.space.spaceId, f.docId);
    const [ca] = await open(f.admin, f.space.spaceId, f.docId);
    const [cv] = await open(f.viewer, f.space.spaceId, f.docId);
    const [otherDoc] = await open(f.viewer, f.space.spaceId, randomId());
    const sent: Uint8Array[] = [];
    for (let i = 1; i <= 10; i++) {
      const fromEditor = buildUpdate({ author: f.editor, spaceId: f.space.spaceId, docId: f.docId, clock: i });
      const fromAdmin = buildUpdate({ author: f.admin, spaceId: f.space.spaceId, docId: f.docId, clock: i });
      ce.send(fromEditor);
      ca.send(fromAdmin);
      sent.push(fromEditor, fromAdmin);
    }
    const received: Uint8Array[] = [];
    for (let i = 0; i < 20; i++) received.push((await cv.expect(FrameKind.Update)).raw);
    expect(received.map(toHex).sort()).toEqual(sent.map(toHex).sort());
    // Per author, in clock order.
    const clocksOf = (who: TestIdentity): number[] =>
      received
        .map((r) => decodeFrame(r))
        .filter((fr) => fr.kind === FrameKind.Update && bytesEqual(fr.author, who.publicKey))
        .map((fr) => (fr.kind === FrameKind.Update ? fr.clock : -1));
    expect(clocksOf(f.editor)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(clocksOf(f.admin)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The relay's acceptance order is the order of the tail it serves later.
    const [late, initial] = await open(f.viewer, f.space.spaceId, f.docId);
    expect(initial.frames.filter((fr) => fr.kind === FrameKind.Update).map((fr) => toHex(fr.raw))).toEqual(
      received.map(toHex),
    );
    await late.close();
    await otherDoc.expectNothing();
  });

  it('R27: forwards EPHEMERAL frames (viewers included) without storing or acknowledging them', async () => {
    const f = await fixture();
    const [ce] = await open(f.editor, f.space.spaceId, f.docId);
    const [cv] = await open(f.viewer, f.space.spaceId, f.docId);
    await expectStorageUnchanged(relay.dbFile, async () => {
      const fromViewer = buildEphemeral({ author: f.viewer, spaceId: f.space.spaceId, docId: f.docId, sequence: 1 });
      cv.send(fromViewer);
      expect(bytesEqual((await ce.expect(FrameKind.Ephemeral)).raw, fromViewer)).toBe(true);
      await cv.expectNothing();
      cv.send(buildEphemeral({ author: f.editor, spaceId: f.space.spaceId, docId: f.docId, sequence: 2 }));
      await cv.expectError('AUTHOR_MISMATCH');
    });
    await ce.expectNothing();
    const [, initial] = await open(f.admin, f.space.spaceId, f.docId);
    expect(initial.frames.some((fr) => fr.kind === FrameKind.Ephemeral)).toBe(false);
  });

  it('R13: sends membership, snapshot, tail, then READY, and skips the snapshot the client already has', async () => {
    const f = await fixture();
    const [c] = await open(f.editor, f.space.spaceId, f.docId);
    c.send(buildUpdate({ author: f.editor, spaceId: f.space.spaceId, docId: f.docId, clock: 1 }));
    await c.expectAck();
    const sId = randomId();
    const snapshot = buildSnapshot({
      author: f.editor,
      spaceId: f.space.spaceId,
      docId: f.docId,
      snapshotId: sId,
      height: 1,
      proof: snapshotProofOf(),
      clocks: [{ author: f.editor.publicKey, clock: 1 }],
    });
    c.send(snapshot);
    await c.expectAck();
    const tail = [1, 2].map((clock) =>
      buildUpdate({ author: f.editor, spaceId: f.space.spaceId, docId: f.docId, clock, snapshotId: sId }),
    );
    for (const u of tail) {
      c.send(u);
      await c.expectAck();
    }

    const [, fresh] = await open(f.admin, f.space.spaceId, f.docId);
    expect(fresh.frames.map((fr) => fr.kind)).toEqual([
      FrameKind.Membership,
      FrameKind.Membership,
      FrameKind.Membership,
      FrameKind.Snapshot,
      FrameKind.Update,
      FrameKind.Update,
    ]);
    expect(fresh.frames.slice(0, 3).map((fr) => toHex(fr.raw))).toEqual(f.space.log.entries.map(toHex));
    expect(bytesEqual(fresh.frames[3]!.raw, snapshot)).toBe(true);
    expect(fresh.frames.slice(4).map((fr) => toHex(fr.raw))).toEqual(tail.map(toHex));
    expect(fresh.ready.role).toBe(Role.Admin);
    expect(fresh.ready.membershipSeq).toBe(2);
    expect(toHex(fresh.ready.snapshotId)).toBe(toHex(sId));
    expect(fresh.ready.snapshotHeight).toBe(1);
    expect(fresh.ready.tailCount).toBe(2);
    expect(fresh.ready.tailBytes).toBe(tail[0]!.length + tail[1]!.length);

    const [, known] = await open(f.admin, f.space.spaceId, f.docId, { knownMembershipSeq: 1, knownSnapshotId: sId });
    expect(known.frames.map((fr) => fr.kind)).toEqual([FrameKind.Membership, FrameKind.Update, FrameKind.Update]);
    expect(toHex(known.frames[0]!.raw)).toBe(toHex(f.space.log.entries[2]!));
    expect(toHex(known.ready.snapshotId)).toBe(toHex(sId));

    // R48: holding the snapshot and the first update of its tail, only the second is sent.
    const [, resumed] = await open(f.admin, f.space.spaceId, f.docId, {
      knownMembershipSeq: 2,
      knownSnapshotId: sId,
      knownTailCount: 1,
    });
    expect(resumed.frames.map((fr) => toHex(fr.raw))).toEqual([toHex(tail[1]!)]);
    expect(resumed.ready.tailCount).toBe(2);
    // A count over the tail (the client saw more than the relay has) gets the whole tail, for R42.
    const [, over] = await open(f.admin, f.space.spaceId, f.docId, {
      knownMembershipSeq: 2,
      knownSnapshotId: sId,
      knownTailCount: 5,
    });
    expect(over.frames.map((fr) => toHex(fr.raw))).toEqual(tail.map(toHex));
    // An older snapshot id: the count is about another tail and is ignored.
    const [, stale] = await open(f.admin, f.space.spaceId, f.docId, { knownMembershipSeq: 2, knownTailCount: 1 });
    expect(stale.frames.slice(1).map((fr) => toHex(fr.raw))).toEqual(tail.map(toHex));
  });

  it('R13/R27: readers joining while a writer streams get every update exactly once, in order', async () => {
    const f = await fixture();
    const [writer] = await open(f.editor, f.space.spaceId, f.docId);
    const total = 40;
    const sent: string[] = [];
    for (let clock = 1; clock <= total; clock++) {
      const u = buildUpdate({ author: f.editor, spaceId: f.space.spaceId, docId: f.docId, clock });
      sent.push(toHex(u));
    }
    // Readers connect while the writer streams updates, so some land in their queue.
    const writing = (async () => {
      for (const hex of sent) {
        writer.send(Buffer.from(hex, 'hex'));
        await writer.expectAck();
      }
    })();
    const readers = await Promise.all(
      Array.from({ length: 4 }, async () => {
        await new Promise((r) => setTimeout(r, Math.random() * 30));
        return open(f.admin, f.space.spaceId, f.docId);
      }),
    );
    await writing;
    for (const [reader, initial] of readers) {
      const seen = initial.frames.filter((fr) => fr.kind === FrameKind.Update).map((fr) => toHex(fr.raw));
      while (seen.length < total) seen.push(toHex((await reader.expect(FrameKind.Update)).raw));
      expect(seen).toEqual(sent);
      await reader.expectNothing(50);
    }
  });
});

describe('R13 races', () => {
  it('R13: frames accepted before the state is read are sent once (in the state), those accepted after it follow READY', async () => {
    let flaky: FlakyStorage | null = null;
    const staged = await startTestRelay({ wrapStorage: (sqlite) => (flaky = new FlakyStorage(sqlite)) });
    try {
      const admin = createTestIdentity();
      const s = await createTestSpace(staged.url, admin);
      const docId = randomId();
      const [writer] = await TestClient.open(staged.url, admin, { spaceId: s.spaceId, docId });
      const update = (clock: number): Uint8Array => buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock });
      const beforeRead = new Gate();
      const afterRead = new Gate();
      flaky!.initialStateHooks = { before: () => beforeRead.wait(), after: () => afterRead.wait() };
      const reader = TestClient.open(staged.url, admin, { spaceId: s.spaceId, docId });

      await beforeRead.reached; // the reader is in the room; its state is not read yet
      const early = [1, 2, 3].map(update);
      for (const u of early) {
        writer.send(u);
        await writer.expectAck();
      }
      beforeRead.open();
      await afterRead.reached; // the state (with the early updates) is read, not sent yet
      flaky!.initialStateHooks = {};
      const late = [4, 5].map(update);
      for (const u of late) {
        writer.send(u);
        await writer.expectAck();
      }
      afterRead.open();

      const [client, initial] = await reader;
      expect(initial.frames.filter((f) => f.kind === FrameKind.Update).map((f) => toHex(f.raw))).toEqual(
        early.map(toHex),
      );
      expect(initial.ready.tailCount).toBe(3);
      for (const u of late) expect(toHex((await client.expect(FrameKind.Update)).raw)).toBe(toHex(u));
      await client.expectNothing();
      await client.close();
      await writer.close();
      await s.control.close();
    } finally {
      await staged.close();
    }
  });
});

describe('membership roles applied to writes', () => {
  it('R33: a SET_ROLE to viewer makes the next write fail', async () => {
    const f = await fixture();
    const [c] = await open(f.editor, f.space.spaceId, f.docId);
    c.send(buildUpdate({ author: f.editor, spaceId: f.space.spaceId, docId: f.docId, clock: 1 }));
    await c.expectAck();
    await f.space.append(f.space.log.next(f.admin, MembershipAction.SetRole, f.editor.publicKey, Role.Viewer));
    expect((await c.expect(FrameKind.Membership)).seq).toBe(3);
    c.send(buildUpdate({ author: f.editor, spaceId: f.space.spaceId, docId: f.docId, clock: 2 }));
    await c.expectError('FORBIDDEN_ROLE');
    expect(c.isClosed).toBe(false);
  });
});
