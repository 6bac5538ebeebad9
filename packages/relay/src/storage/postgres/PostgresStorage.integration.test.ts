import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  decodeFrame,
  FrameKind,
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
import { recordBuilt } from '../../testing/testChains.js';
import { buildSnapshot, buildUpdate } from '../../testing/buildFrames.js';
import { createTestIdentity } from '../../testing/createTestIdentity.js';
import { SchemaTooNewError } from '../SchemaTooNewError.js';
import { dumpPostgres } from '../../testing/dumpPostgres.js';
import { MembershipLog } from '../../testing/MembershipLog.js';
import { randomId } from '../../testing/randomId.js';
import { readCursor } from '../../testing/readCursor.js';
import {
  DATABASE_URL,
  dropTestSchema,
  scaleoutServicesAvailable,
  uniqueTestName,
} from '../../testing/scaleoutServices.js';
import { snapshotProofOf } from '../../testing/snapshotProofOf.js';
import type { RelayStorage } from '../RelayStorage.js';
import { POSTGRES_MIGRATIONS } from './postgresMigrations.js';
import { PostgresStorage } from './PostgresStorage.js';

const available = await scaleoutServicesAvailable();

let schema: string;
let storage: PostgresStorage;
const extra: PostgresStorage[] = [];
const schemas: string[] = [];
const admin = createTestIdentity();
const editor = createTestIdentity();

beforeEach(async () => {
  if (!available) return;
  schema = uniqueTestName('trame_pgtest');
  schemas.push(schema);
  storage = await PostgresStorage.open({ url: DATABASE_URL, schema, timeoutMs: 3000 });
});
afterEach(async () => {
  if (!available) return;
  await Promise.all(extra.splice(0).map((s) => s.close()));
  await storage.close();
});
afterAll(async () => {
  for (const s of schemas.splice(0)) await dropTestSchema(s);
});

async function space(on: RelayStorage = storage): Promise<MembershipLog & { append(raw: Uint8Array): Promise<void> }> {
  const log = new MembershipLog(randomId());
  const append = async (raw: Uint8Array): Promise<void> => {
    await on.withSpace(log.spaceId, (tx) =>
      acceptMembership(tx, decodeFrame(raw) as MembershipFrame, { spaceId: log.spaceId, nowSeconds: 0, create: false }),
    );
    log.accepted(raw);
  };
  await append(log.genesis(admin));
  await append(log.next(admin, MembershipAction.Add, editor.publicKey, Role.Editor));
  return Object.assign(log, { append });
}

function write(on: RelayStorage, spaceId: Uint8Array, docId: Uint8Array, raw: Uint8Array) {
  return on.withDocument(spaceId, docId, (tx) => {
    const f = decodeFrame(raw);
    return f.kind === FrameKind.Update ? acceptUpdate(tx, f) : acceptSnapshot(tx, f as SnapshotFrame);
  });
}

const asUpdate = (raw: Uint8Array): UpdateFrame => decodeFrame(raw) as UpdateFrame;

describe.skipIf(!available)('PostgresStorage', () => {
  it('R29: rolls back everything a transaction wrote when it throws', async () => {
    const log = await space();
    const docId = randomId();
    await write(storage, log.spaceId, docId, buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock: 1 }));
    const before = await dumpPostgres(schema);
    await expect(
      storage.withDocument(log.spaceId, docId, async (tx) => {
        await acceptUpdate(tx, asUpdate(buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock: 2 })));
        throw new Error('crash after the write');
      }),
    ).rejects.toThrow('crash after the write');
    await expect(
      storage.withDocument(log.spaceId, docId, (tx) =>
        acceptUpdate(tx, asUpdate(buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock: 5 }))),
      ),
    ).rejects.toMatchObject({ code: 'CLOCK_GAP' } satisfies Partial<TrameError>);
    expect(await dumpPostgres(schema)).toBe(before);
    // The pool is still usable after both kinds of failure.
    const next = await write(
      storage,
      log.spaceId,
      docId,
      buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock: 2 }),
    );
    expect([next.verdict, next.head.tailCount, next.head.seq]).toEqual(['append', 2, 2]);
  });

  it('R33: reads the role inside the write transaction (a removed member cannot write)', async () => {
    const log = await space();
    await log.append(log.next(admin, MembershipAction.Remove, editor.publicKey, Role.None));
    const docId = randomId();
    await expect(
      write(storage, log.spaceId, docId, buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock: 1 })),
    ).rejects.toMatchObject({ code: 'NOT_A_MEMBER' } satisfies Partial<TrameError>);
    expect(await storage.access(log.spaceId, editor.publicKey)).toEqual({
      seq: 2,
      epoch: 0,
      role: Role.None,
      invite: null,
    });
  });

  it('R13/R28/R21: serves the latest snapshot and its tail, numbers commits, prunes two snapshots back', async () => {
    const log = await space();
    const docId = randomId();
    const u1 = buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock: 1 });
    await write(storage, log.spaceId, docId, u1);
    expect((await write(storage, log.spaceId, docId, u1)).verdict).toBe('duplicate');
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
    expect((await write(storage, log.spaceId, docId, s1)).head).toMatchObject({ height: 1, tailCount: 0, seq: 2 });
    const t1 = buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock: 1, snapshotId: s1Id });
    const result = await write(storage, log.spaceId, docId, t1);
    expect([result.head.tailCount, result.head.tailBytes, result.head.seq]).toEqual([1, t1.length, 3]);

    const query = { spaceId: log.spaceId, docId, identity: editor.publicKey, afterSeq: 0, knownSnapshotId: ZERO_ID };
    const state = await storage.initialState(query);
    expect(state.access?.role).toBe(Role.Editor);
    expect(await readCursor(state.membership)).toHaveLength(1);
    expect(toHex(state.snapshot!)).toBe(toHex(s1));
    expect((await readCursor(state.tail)).map(toHex)).toEqual([toHex(t1)]);
    expect(state.tailClocks).toEqual([{ author: expect.anything(), clock: 1 }]);
    expect(state.head.seq).toBe(3);
    expect((await storage.initialState({ ...query, knownSnapshotId: s1Id })).snapshot).toBeNull();
    const log0 = await storage.documentFramesAfter(log.spaceId, docId, 0);
    expect(log0.headSeq).toBe(3);
    expect(log0.frames.map((f) => [f.seq, toHex(f.frame)])).toEqual([
      [1, toHex(u1)],
      [2, toHex(s1)],
      [3, toHex(t1)],
    ]);
    expect((await storage.documentFramesAfter(log.spaceId, docId, 2)).frames.map((f) => f.seq)).toEqual([3]);
    expect((await storage.membershipAfter(log.spaceId, 0)).frames.map((f) => f.seq)).toEqual([1]);
    expect(await storage.documentSeqs([[log.spaceId, docId]])).toEqual(
      new Map([[toHex(log.spaceId) + toHex(docId), 3]]),
    );
    expect(await storage.spaceSeqs([log.spaceId, randomId()])).toEqual(new Map([[toHex(log.spaceId), 1]]));

    const s2Id = randomId();
    const s1Proof = (decodeFrame(s1) as SnapshotFrame).proof;
    await write(
      storage,
      log.spaceId,
      docId,
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
    const dump = JSON.parse(await dumpPostgres(schema)) as { updates: string[]; snapshots: string[] };
    // The pre-s1 update is pruned; s1 and its tail stay as the parent of s2.
    expect(dump.updates).toHaveLength(1);
    expect(dump.updates[0]).toContain(toHex(t1));
    expect(dump.snapshots).toHaveLength(2);
    // R21 after the compaction: the tail update on s1 is still recognised.
    expect((await write(storage, log.spaceId, docId, t1)).verdict).toBe('duplicate');
  });

  it('migrates at start-up exactly once, even when instances start together, and refuses a newer schema', async () => {
    const log = await space();
    const again = await Promise.all([1, 2, 3].map(() => PostgresStorage.open({ url: DATABASE_URL, schema })));
    extra.push(...again);
    expect(await again[0]!.access(log.spaceId, editor.publicKey)).toMatchObject({ role: Role.Editor });

    const fresh = uniqueTestName('trame_pgtest');
    schemas.push(fresh);
    extra.push(...(await Promise.all([1, 2, 3].map(() => PostgresStorage.open({ url: DATABASE_URL, schema: fresh })))));
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const versions = await client.query(`SELECT version FROM "${fresh}".schema_migrations ORDER BY version`);
      expect(versions.rows).toEqual(POSTGRES_MIGRATIONS.map((m) => ({ version: m.version })));
      await client.query(
        `INSERT INTO "${fresh}".schema_migrations (version, description) VALUES (99, 'from the future')`,
      );
    } finally {
      await client.end();
    }
    await expect(PostgresStorage.open({ url: DATABASE_URL, schema: fresh })).rejects.toThrow(SchemaTooNewError);
    await expect(PostgresStorage.open({ url: DATABASE_URL, schema: 'Bad-Name' })).rejects.toThrow(/invalid/);
  });

  it('R20/R24: two instances racing on one document never accept a clock twice nor fork the snapshots', async () => {
    const other = await PostgresStorage.open({ url: DATABASE_URL, schema });
    extra.push(other);
    const log = await space();
    const docId = randomId();
    const instances = [storage, other];
    const outcome = async (p: Promise<unknown>): Promise<string> =>
      p.then(
        () => 'ack',
        (e: unknown) => (e instanceof TrameError ? e.code : `storage error: ${String(e)}`),
      );
    const winners = new Map<number, number>();
    let snapshotId = ZERO_ID;
    let parent: { proof: Uint8Array; raw: Uint8Array } | undefined;
    for (let height = 1; height <= 4; height++) {
      // 15 rounds of the same clock sent, with different bytes, through both instances at once.
      for (let clock = 1; clock <= 15; clock++) {
        const frames = instances.map(() =>
          buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock, snapshotId }),
        );
        const results = await Promise.all(
          instances.map((inst, i) => outcome(write(inst, log.spaceId, docId, frames[i]!))),
        );
        // R80: the next clock chains to the stored one, whichever instance won.
        const won = frames[results.indexOf('ack')];
        if (won) recordBuilt(log.spaceId, docId, snapshotId, editor.publicKey, clock, won);
        expect(results.sort()).toEqual(['CLOCK_REPLAY', 'ack']);
      }
      // Two different snapshots on the same parent at once: one is stored, the other conflicts.
      const candidates = instances.map(() => {
        const id = randomId();
        return {
          id,
          raw: buildSnapshot({
            author: editor,
            spaceId: log.spaceId,
            docId,
            snapshotId: id,
            parentId: snapshotId,
            height,
            proof: snapshotProofOf(parent),
            clocks: [{ author: editor.publicKey, clock: 15 }],
          }),
        };
      });
      const results = await Promise.all(
        candidates.map((c, i) => outcome(write(instances[i]!, log.spaceId, docId, c.raw))),
      );
      expect([...results].sort()).toEqual(['SNAPSHOT_CONFLICT', 'ack']);
      const won = results.indexOf('ack');
      winners.set(won, (winners.get(won) ?? 0) + 1);
      const chosen = candidates[won]!;
      parent = { proof: (decodeFrame(chosen.raw) as SnapshotFrame).proof, raw: chosen.raw };
      snapshotId = chosen.id;
    }
    const dump = JSON.parse(await dumpPostgres(schema)) as { updates: string[]; snapshots: string[] };
    const heights = dump.snapshots.map((r) => Number((JSON.parse(r) as { height: string }).height)).sort();
    expect(heights).toEqual([3, 4]);
    expect(dump.updates).toHaveLength(15); // the tail of s3, the parent of s4 (R28)
    // Commit numbers are gap-free and unique: 4 × (15 updates + 1 snapshot).
    expect((await storage.documentFramesAfter(log.spaceId, docId, 0)).headSeq).toBe(64);
  });

  it('reports itself unhealthy once closed', async () => {
    expect(await storage.health()).toMatchObject({ ok: true, kind: 'postgres', schema });
    await storage.close();
    expect((await storage.health()).ok).toBe(false);
    storage = await PostgresStorage.open({ url: DATABASE_URL, schema });
  });
});
