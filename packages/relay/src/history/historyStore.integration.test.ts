import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFrame, DEFAULT_RETENTION_POLICY, toHex, type MembershipFrame } from '@trame/protocol';
import { acceptMembership } from '../space/acceptMembership.js';
import { copySqliteToPostgres } from '../storage/migrate/copySqliteToPostgres.js';
import { PostgresStorage } from '../storage/postgres/PostgresStorage.js';
import type { RelayStorage } from '../storage/RelayStorage.js';
import { SqliteStorage } from '../storage/sqlite/SqliteStorage.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { MembershipLog } from '../testing/MembershipLog.js';
import { randomId } from '../testing/randomId.js';
import {
  DATABASE_URL,
  dropTestSchema,
  scaleoutServicesAvailable,
  uniqueTestName,
} from '../testing/scaleoutServices.js';

const available = await scaleoutServicesAvailable();
const schemas: string[] = [];
afterAll(async () => {
  for (const s of schemas.splice(0)) await dropTestSchema(s);
});
const admin = createTestIdentity();

async function space(storage: RelayStorage): Promise<Uint8Array> {
  const log = new MembershipLog(randomId());
  const raw = log.genesis(admin);
  await storage.withSpace(log.spaceId, (tx) =>
    acceptMembership(tx, decodeFrame(raw) as MembershipFrame, { spaceId: log.spaceId, nowSeconds: 0, create: false }),
  );
  return log.spaceId;
}

const bytes = (n: number, v: number) => new Uint8Array(n).fill(v);

/** The same contract on every adapter (schema 4). */
async function contract(storage: RelayStorage): Promise<void> {
  const history = storage.history!;
  const spaceId = await space(storage);
  const docId = randomId();
  const [v1, v2, v3] = [randomId(), randomId(), randomId()];
  await history.withHistory(spaceId, async (tx) => {
    await tx.insert(docId, {
      versionId: v1,
      author: admin.publicKey,
      storedAt: 1000,
      head: bytes(300, 1),
      state: bytes(700, 2),
    });
    await tx.insert(docId, {
      versionId: v2,
      author: admin.publicKey,
      storedAt: 2000,
      head: bytes(300, 3),
      state: bytes(100, 4),
    });
    await tx.insert(docId, {
      versionId: v3,
      author: admin.publicKey,
      storedAt: 3000,
      head: bytes(300, 5),
      state: bytes(50, 6),
    });
  });
  const listed = await history.withHistory(spaceId, (tx) => tx.list(docId));
  expect(listed.map((v) => toHex(v.versionId))).toEqual([v3, v2, v1].map(toHex));
  expect(listed[2]!.size).toBe(1000);
  expect(listed[2]!.state).toBeNull();
  const found = await history.withHistory(spaceId, (tx) => tx.find(docId, v1));
  expect(found!.state).toEqual(bytes(700, 2));
  expect(found!.author).toEqual(admin.publicKey);
  await history.withHistory(spaceId, (tx) => tx.setName(docId, v2, bytes(120, 9)));
  await history.withHistory(spaceId, (tx) => tx.remove(docId, [v1, v3]));
  const stamps = await history.withHistory(spaceId, (tx) => tx.stamps(docId));
  expect(stamps.map((s) => [toHex(s.versionId), s.storedAt, s.size, s.named])).toEqual([[toHex(v2), 2000, 400, true]]);
  expect((await history.withHistory(spaceId, (tx) => tx.find(docId, v2)))!.name).toEqual(bytes(120, 9));
  expect(await history.withHistory(spaceId, (tx) => tx.spaceBytes())).toBe(400);
  expect((await history.withHistory(spaceId, (tx) => tx.documents())).map(toHex)).toEqual([toHex(docId)]);
  expect(await history.withHistory(spaceId, (tx) => tx.retention())).toBeNull();
  const policy = { ...DEFAULT_RETENTION_POLICY, keepAllSeconds: 7200 };
  await history.withHistory(spaceId, (tx) => tx.setRetention(policy));
  await history.withHistory(spaceId, (tx) => tx.setRetention(policy));
  expect(await history.withHistory(spaceId, (tx) => tx.retention())).toEqual(policy);
  // A second insert under the same id is refused by the storage itself (R108 behind the check).
  await expect(
    history.withHistory(spaceId, (tx) =>
      tx.insert(docId, {
        versionId: v2,
        author: admin.publicKey,
        storedAt: 4000,
        head: bytes(10, 1),
        state: bytes(10, 1),
      }),
    ),
  ).rejects.toThrow();
}

describe('HISTORY-1: the version store (storage schema 4)', () => {
  it('HISTORY-1: SQLite keeps, lists, names, thins and sets retention per space', async () => {
    const storage = SqliteStorage.open(':memory:');
    try {
      await contract(storage);
    } finally {
      await storage.close();
    }
  });

  it.skipIf(!available)('HISTORY-1: PostgreSQL keeps, lists, names, thins and sets retention per space', async () => {
    const schema = uniqueTestName('trame_histtest');
    schemas.push(schema);
    const storage = await PostgresStorage.open({ url: DATABASE_URL, schema, timeoutMs: 3000 });
    try {
      await contract(storage);
    } finally {
      await storage.close();
    }
  });

  it.skipIf(!available)(
    'HISTORY-1: copySqliteToPostgres reads schema 4 and copies versions, names and retention',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'trame-histcopy-'));
      const file = join(dir, 'trame.sqlite');
      const lite = SqliteStorage.open(file);
      const spaceId = await space(lite);
      const docId = randomId();
      const versionId = randomId();
      await lite.history.withHistory(spaceId, async (tx) => {
        await tx.insert(docId, {
          versionId,
          author: admin.publicKey,
          storedAt: 5,
          head: bytes(200, 1),
          state: bytes(900, 2),
        });
        await tx.setName(docId, versionId, bytes(100, 3));
        await tx.setRetention({ ...DEFAULT_RETENTION_POLICY, dailySeconds: 30 * 86_400 });
      });
      await lite.close();
      const schema = uniqueTestName('trame_histcopy');
      schemas.push(schema);
      try {
        const report = await copySqliteToPostgres({ sqliteFile: file, databaseUrl: DATABASE_URL, schema });
        expect(report.versions).toBe(1);
        const storage = await PostgresStorage.open({ url: DATABASE_URL, schema, timeoutMs: 3000 });
        try {
          const v = await storage.history.withHistory(spaceId, (tx) => tx.find(docId, versionId));
          expect([v!.named, v!.size, v!.storedAt]).toEqual([true, 1100, 5]);
          expect(v!.state).toEqual(bytes(900, 2));
          expect((await storage.history.withHistory(spaceId, (tx) => tx.retention()))!.dailySeconds).toBe(30 * 86_400);
        } finally {
          await storage.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
