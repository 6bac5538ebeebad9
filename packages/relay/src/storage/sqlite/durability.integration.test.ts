import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameKind, MembershipAction, Role, toHex } from '@trame/protocol';
import { buildSnapshot, buildUpdate } from '../../testing/buildFrames.js';
import { createTestIdentity } from '../../testing/createTestIdentity.js';
import { dumpSqlite } from '../../testing/dumpSqlite.js';
import { FlakyStorage } from '../../testing/FlakyStorage.js';
import { randomId } from '../../testing/randomId.js';
import { snapshotProofOf } from '../../testing/snapshotProofOf.js';
import { createTestSpace } from '../../testing/spaces.js';
import { startTestRelay, type TestRelay } from '../../testing/startTestRelay.js';
import { TestClient } from '../../testing/TestClient.js';

const relays: TestRelay[] = [];
const clients: TestClient[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(relays.splice(0).map((r) => r.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('durability', () => {
  it('R14: every acknowledged frame survives a restart of the relay on the same file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'trame-restart-'));
    dirs.push(dataDir);
    const first = await startTestRelay({ dataDir });
    const admin = createTestIdentity();
    const editor = createTestIdentity();
    const s = await createTestSpace(first.url, admin);
    await s.add(editor, Role.Editor);
    const docId = randomId();
    const [c] = await TestClient.open(first.url, editor, { spaceId: s.spaceId, docId });
    const acked: string[] = [];
    for (let clock = 1; clock <= 5; clock++) {
      const u = buildUpdate({ author: editor, spaceId: s.spaceId, docId, clock });
      c.send(u);
      await c.expectAck();
      acked.push(toHex(u));
    }
    const snapshotId = randomId();
    const snapshot = buildSnapshot({
      author: editor,
      spaceId: s.spaceId,
      docId,
      snapshotId,
      height: 1,
      proof: snapshotProofOf(),
      clocks: [{ author: editor.publicKey, clock: 5 }],
    });
    c.send(snapshot);
    await c.expectAck();
    const tail: string[] = [];
    for (let clock = 1; clock <= 3; clock++) {
      const u = buildUpdate({ author: editor, spaceId: s.spaceId, docId, clock, snapshotId });
      c.send(u);
      await c.expectAck();
      tail.push(toHex(u));
    }
    await first.stop();
    expect(await c.closeCode()).toBe(4599);

    const second = await startTestRelay({ dataDir });
    relays.push(second);
    const [again, state] = await TestClient.open(second.url, editor, { spaceId: s.spaceId, docId });
    clients.push(again);
    expect(state.frames.map((f) => f.kind)).toEqual([
      FrameKind.Membership,
      FrameKind.Membership,
      FrameKind.Snapshot,
      FrameKind.Update,
      FrameKind.Update,
      FrameKind.Update,
    ]);
    expect(state.frames.slice(0, 2).map((f) => toHex(f.raw))).toEqual(s.log.entries.map(toHex));
    expect(toHex(state.frames[2]!.raw)).toBe(toHex(snapshot));
    expect(state.frames.slice(3).map((f) => toHex(f.raw))).toEqual(tail);
    // The chain continues where it stopped: clock 4 on the snapshot, and the log's next seq.
    again.send(buildUpdate({ author: editor, spaceId: s.spaceId, docId, clock: 4, snapshotId }));
    expect((await again.expectAck()).tailCount).toBe(4);
    const [control] = await TestClient.open(second.url, admin, { spaceId: s.spaceId });
    clients.push(control);
    control.send(s.log.next(admin, MembershipAction.Add, createTestIdentity().publicKey, Role.Viewer));
    expect((await control.expectAck()).number).toBe(2);
    // The pre-snapshot updates were acknowledged too: they are kept as the parent's tail (R28).
    const dump = dumpSqlite(second.dbFile);
    for (const hex of acked) expect(dump).toContain(hex);
  });

  it('R14/ADR 0009: acknowledged large frames, kept in the frames file, survive a restart and are served in order', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'trame-restart-'));
    dirs.push(dataDir);
    const first = await startTestRelay({ dataDir });
    const editor = createTestIdentity();
    const s = await createTestSpace(first.url, editor);
    const docId = randomId();
    const [c] = await TestClient.open(first.url, editor, { spaceId: s.spaceId, docId });
    const sent: string[] = [];
    for (let clock = 1; clock <= 6; clock++) {
      // Every other frame is above the 32 KiB threshold.
      const size = clock % 2 === 0 ? 200 * 1024 : 100;
      const u = buildUpdate({ author: editor, spaceId: s.spaceId, docId, clock, ciphertext: randomBytes(size) });
      c.send(u);
      await c.expectAck();
      sent.push(toHex(u));
    }
    const db = new Database(first.dbFile, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM updates WHERE frame_ref IS NOT NULL').pluck().get()).toBe(3);
    db.close();
    await first.stop();
    expect(await c.closeCode()).toBe(4599);

    const second = await startTestRelay({ dataDir });
    relays.push(second);
    const [again, state] = await TestClient.open(second.url, editor, { spaceId: s.spaceId, docId });
    clients.push(again);
    expect(state.frames.filter((f) => f.kind === FrameKind.Update).map((f) => toHex(f.raw))).toEqual(sent);
  });

  it('R29: when storage fails, answers UNAVAILABLE, acknowledges nothing, keeps serving, and recovers', async () => {
    let flaky: FlakyStorage | null = null;
    const r = await startTestRelay({
      wrapStorage: (sqlite) => (flaky = new FlakyStorage(sqlite)),
    });
    relays.push(r);
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    const docId = randomId();
    const [c] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId });
    clients.push(c);
    const u1 = buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock: 1 });

    flaky!.failOnCommit = true;
    const before = dumpSqlite(r.dbFile);
    c.send(u1);
    const err = await c.expectError('UNAVAILABLE');
    expect([err.refKind, err.refNumber]).toEqual([FrameKind.Update, 1]);
    s.control.send(s.log.next(admin, MembershipAction.Add, createTestIdentity().publicKey, Role.Viewer));
    await s.control.expectError('UNAVAILABLE');
    expect(dumpSqlite(r.dbFile)).toBe(before);

    flaky!.failOnCommit = false;
    flaky!.failing = true;
    c.send(u1);
    await c.expectError('UNAVAILABLE');
    const health = await fetch(`${r.running.httpUrl}/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { ok: boolean }).ok).toBe(false);
    // A new connection cannot load its state: told to retry later (4503).
    const newcomer = await TestClient.connect(r.url);
    clients.push(newcomer);
    await expect(newcomer.authenticate(admin, { spaceId: s.spaceId, docId })).rejects.toThrow(/UNAVAILABLE/);
    expect(await newcomer.closeCode()).toBe(4503);
    expect(c.isClosed).toBe(false);

    flaky!.failing = false;
    c.send(u1);
    const ack = await c.expectAck();
    expect([ack.number, ack.duplicate]).toEqual([1, false]);
    expect((await fetch(`${r.running.httpUrl}/health`)).status).toBe(200);
  });
});
