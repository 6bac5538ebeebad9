import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decodeFrame,
  MembershipAction,
  Role,
  toHex,
  TrameError,
  ZERO_ID,
  type MembershipFrame,
  type SnapshotFrame,
  type UpdateFrame,
} from '@trame/protocol';
import { acceptSnapshot } from '../../documents/acceptSnapshot.js';
import { acceptUpdate } from '../../documents/acceptUpdate.js';
import { acceptMembership } from '../../space/acceptMembership.js';
import { buildSnapshot, buildUpdate } from '../../testing/buildFrames.js';
import { createTestIdentity } from '../../testing/createTestIdentity.js';
import { dumpSqlite } from '../../testing/dumpSqlite.js';
import { MembershipLog } from '../../testing/MembershipLog.js';
import { randomId } from '../../testing/randomId.js';
import { readCursor } from '../../testing/readCursor.js';
import { snapshotProofOf } from '../../testing/snapshotProofOf.js';
import { SqliteStorage } from './SqliteStorage.js';

let dir: string;
let file: string;
let storage: SqliteStorage;
const admin = createTestIdentity();
const editor = createTestIdentity();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trame-sqlite-'));
  file = join(dir, 'trame.sqlite');
  storage = SqliteStorage.open(file);
});
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

async function space(): Promise<MembershipLog> {
  const log = new MembershipLog(randomId());
  const append = async (raw: Uint8Array): Promise<void> => {
    await storage.withSpace(log.spaceId, (tx) =>
      acceptMembership(tx, decodeFrame(raw) as MembershipFrame, { spaceId: log.spaceId, nowSeconds: 0, create: false }),
    );
    log.accepted(raw);
  };
  await append(log.genesis(admin));
  await append(log.next(admin, MembershipAction.Add, editor.publicKey, Role.Editor));
  return Object.assign(log, { append });
}

const asUpdate = (raw: Uint8Array): UpdateFrame => decodeFrame(raw) as UpdateFrame;

describe('SqliteStorage', () => {
  it('R29: rolls back everything a transaction wrote when it throws', async () => {
    const log = await space();
    const docId = randomId();
    const before = dumpSqlite(file);
    await expect(
      storage.withDocument(log.spaceId, docId, async (tx) => {
        await acceptUpdate(tx, asUpdate(buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock: 1 })));
        throw new Error('crash after the write');
      }),
    ).rejects.toThrow('crash after the write');
    expect(dumpSqlite(file)).toBe(before);
  });

  it('R33: reads the role inside the write transaction (a removed member cannot write)', async () => {
    const log = (await space()) as MembershipLog & { append(raw: Uint8Array): Promise<void> };
    await log.append(log.next(admin, MembershipAction.Remove, editor.publicKey, Role.None));
    const docId = randomId();
    await expect(
      storage.withDocument(log.spaceId, docId, (tx) =>
        acceptUpdate(tx, asUpdate(buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock: 1 }))),
      ),
    ).rejects.toMatchObject({ code: 'NOT_A_MEMBER' } satisfies Partial<TrameError>);
  });

  it('R13/R28: serves the latest snapshot and its tail, skips a known snapshot, and prunes two snapshots back', async () => {
    const log = await space();
    const docId = randomId();
    const write = (raw: Uint8Array) =>
      storage.withDocument(log.spaceId, docId, (tx) => {
        const f = decodeFrame(raw);
        return f.kind === 0x11 ? acceptUpdate(tx, f) : acceptSnapshot(tx, f as SnapshotFrame);
      });
    await write(buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock: 1 }));
    const s1Id = randomId();
    const s1 = buildSnapshot({
      author: editor,
      spaceId: log.spaceId,
      docId,
      snapshotId: s1Id,
      height: 1,
      proof: snapshotProofOf(),
      clocks: [{ author: editor.publicKey, clock: 1 }],
    });
    await write(s1);
    const t1 = buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock: 1, snapshotId: s1Id });
    const result = await write(t1);
    expect([result.head.tailCount, result.head.tailBytes]).toEqual([1, t1.length]);

    const query = { spaceId: log.spaceId, docId, identity: editor.publicKey, afterSeq: 0, knownSnapshotId: ZERO_ID };
    const state = await storage.initialState(query);
    expect(state.access?.role).toBe(Role.Editor);
    expect(await readCursor(state.membership)).toHaveLength(1);
    expect(toHex(state.snapshot!)).toBe(toHex(s1));
    expect((await readCursor(state.tail)).map(toHex)).toEqual([toHex(t1)]);
    expect(state.tailClocks).toEqual([{ author: expect.anything(), clock: 1 }]);
    expect((await storage.initialState({ ...query, knownSnapshotId: s1Id })).snapshot).toBeNull();

    const s2Id = randomId();
    const s1Proof = (decodeFrame(s1) as SnapshotFrame).proof;
    await write(
      buildSnapshot({
        author: editor,
        spaceId: log.spaceId,
        docId,
        snapshotId: s2Id,
        parentId: s1Id,
        height: 2,
        proof: snapshotProofOf({ proof: s1Proof, raw: s1 }),
        clocks: [{ author: editor.publicKey, clock: 1 }],
      }),
    );
    const dump = JSON.parse(dumpSqlite(file)) as { updates: string[]; snapshots: string[] };
    // The pre-s1 update is pruned; s1 and its tail stay as the parent of s2.
    expect(dump.updates).toHaveLength(1);
    expect(dump.updates[0]).toContain(toHex(t1));
    expect(dump.snapshots).toHaveLength(2);
  });

  it('reopens an existing file with its data and schema', async () => {
    const log = await space();
    await storage.close();
    storage = SqliteStorage.open(file);
    const access = await storage.access(log.spaceId, editor.publicKey);
    expect(access).toEqual({ seq: 1, epoch: 0, role: Role.Editor, invite: null });
    expect(await storage.access(randomId(), editor.publicKey)).toBeNull();
    expect(await storage.health()).toMatchObject({ ok: true, kind: 'sqlite' });
  });

  it('reports itself unhealthy once closed', async () => {
    await storage.close();
    expect((await storage.health()).ok).toBe(false);
    storage = SqliteStorage.open(file);
  });
});
