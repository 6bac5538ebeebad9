import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decodeFrame,
  FrameKind,
  MembershipAction,
  Role,
  type MembershipFrame,
  type SnapshotFrame,
} from '@trame/protocol';
import { acceptSnapshot } from '../documents/acceptSnapshot.js';
import { acceptUpdate } from '../documents/acceptUpdate.js';
import { acceptMembership } from '../space/acceptMembership.js';
import { buildSnapshot, buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { MembershipLog } from '../testing/MembershipLog.js';
import { randomId } from '../testing/randomId.js';
import {
  DATABASE_URL,
  dropTestSchema,
  scaleoutServicesAvailable,
  uniqueTestName,
} from '../testing/scaleoutServices.js';
import { snapshotProofOf } from '../testing/snapshotProofOf.js';
import { PostgresStorage } from './postgres/PostgresStorage.js';
import type { RelayStorage } from './RelayStorage.js';
import { SqliteStorage } from './sqlite/SqliteStorage.js';

const available = await scaleoutServicesAvailable();
const dirs: string[] = [];
const schemas: string[] = [];
afterAll(async () => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  for (const s of schemas.splice(0)) await dropTestSchema(s);
});

const admin = createTestIdentity();
const editor = createTestIdentity();
const KiB = 1024;

/** An adapter, and how to take its data back to schema 1 (no counters) and reopen it. */
interface Subject {
  storage: RelayStorage;
  downgradeAndReopen(): Promise<RelayStorage>;
}

async function sqlite(): Promise<Subject> {
  const dir = mkdtempSync(join(tmpdir(), 'trame-stored-'));
  dirs.push(dir);
  const file = join(dir, 'trame.sqlite');
  const subject: Subject = {
    storage: SqliteStorage.open(file),
    async downgradeAndReopen() {
      await subject.storage.close();
      const db = new Database(file);
      db.exec(
        'DROP INDEX members_by_identity; ALTER TABLE documents DROP COLUMN stored_bytes; ' +
          'ALTER TABLE spaces DROP COLUMN log_bytes; ' +
          // Schema 5 (ADR 0009) comes back with the migrations too.
          'DROP INDEX updates_by_frame_ref; DROP INDEX snapshots_by_frame_ref; ' +
          'ALTER TABLE updates DROP COLUMN frame_ref; ALTER TABLE updates DROP COLUMN frame_size; ' +
          'ALTER TABLE snapshots DROP COLUMN frame_ref; ALTER TABLE snapshots DROP COLUMN frame_size; ' +
          'PRAGMA user_version = 1;',
      );
      db.close();
      return SqliteStorage.open(file);
    },
  };
  return subject;
}

async function postgres(): Promise<Subject> {
  const schema = uniqueTestName('trame_stored');
  schemas.push(schema);
  const subject: Subject = {
    storage: await PostgresStorage.open({ url: DATABASE_URL, schema, timeoutMs: 3000 }),
    async downgradeAndReopen() {
      await subject.storage.close();
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(
        `SET search_path TO ${schema}; DROP INDEX members_by_identity; ALTER TABLE documents DROP COLUMN stored_bytes; ` +
          'ALTER TABLE spaces DROP COLUMN log_bytes; DELETE FROM schema_migrations WHERE version = 2;',
      );
      await client.end();
      return PostgresStorage.open({ url: DATABASE_URL, schema, timeoutMs: 3000 });
    },
  };
  return subject;
}

function write(storage: RelayStorage, spaceId: Uint8Array, docId: Uint8Array, raw: Uint8Array) {
  return storage.withDocument(spaceId, docId, (tx) => {
    const f = decodeFrame(raw);
    return f.kind === FrameKind.Update ? acceptUpdate(tx, f) : acceptSnapshot(tx, f as SnapshotFrame);
  });
}

const stored = (storage: RelayStorage, spaceId: Uint8Array, docId: Uint8Array) =>
  storage.withDocument(spaceId, docId, (tx) => tx.storedBytes());

describe.each([
  ['SQLite', sqlite, true],
  ['PostgreSQL', postgres, available],
] as const)('HOSTILE-3 stored bytes on %s (R67)', (_name, open, runs) => {
  it.skipIf(!runs)(
    'HOSTILE-3: the space counts the bytes it stores (log, snapshots, updates), exact after pruning and after migrating from schema 1',
    async () => {
      const subject = await open();
      let storage = subject.storage;
      try {
        const log = new MembershipLog(randomId());
        const spaceId = log.spaceId;
        let logBytes = 0;
        for (const make of [
          () => log.genesis(admin),
          () => log.next(admin, MembershipAction.Add, editor.publicKey, Role.Editor),
        ]) {
          const entry = make();
          await storage.withSpace(spaceId, (tx) =>
            acceptMembership(tx, decodeFrame(entry) as MembershipFrame, { spaceId, nowSeconds: 0, create: false }),
          );
          log.accepted(entry);
          logBytes += entry.length;
        }
        const a = randomId();
        const b = randomId();
        expect(await stored(storage, spaceId, a)).toEqual({ space: logBytes, document: 0 });
        const u = (docId: Uint8Array, clock: number, snapshotId?: Uint8Array) =>
          buildUpdate({ author: editor, spaceId, docId, clock, ciphertext: new Uint8Array(4 * KiB), snapshotId });
        const a1 = u(a, 1);
        const a2 = u(a, 2);
        const b1 = u(b, 1);
        for (const [doc, raw] of [
          [a, a1],
          [a, a2],
          [b, b1],
        ] as const)
          await write(storage, spaceId, doc, raw);
        expect(await stored(storage, spaceId, a)).toEqual({
          space: logBytes + a1.length + a2.length + b1.length,
          document: a1.length + a2.length,
        });
        // Two compactions: the first keeps the tail it replaces (the parent's, R28), the second prunes it.
        const s1 = buildSnapshot({
          author: editor,
          spaceId,
          docId: a,
          snapshotId: randomId(),
          height: 1,
          proof: snapshotProofOf(),
          clocks: [{ author: editor.publicKey, clock: 2 }],
        });
        await write(storage, spaceId, a, s1);
        expect((await stored(storage, spaceId, a)).document).toBe(a1.length + a2.length + s1.length);
        const s1f = decodeFrame(s1) as SnapshotFrame;
        const a3 = u(a, 1, s1f.snapshotId);
        await write(storage, spaceId, a, a3);
        const s2 = buildSnapshot({
          author: editor,
          spaceId,
          docId: a,
          snapshotId: randomId(),
          parentId: s1f.snapshotId,
          height: 2,
          proof: snapshotProofOf({ proof: s1f.proof, raw: s1 }),
          clocks: [{ author: editor.publicKey, clock: 1 }],
        });
        await write(storage, spaceId, a, s2);
        const after = {
          space: logBytes + s1.length + a3.length + s2.length + b1.length,
          document: s1.length + a3.length + s2.length,
        };
        expect(await stored(storage, spaceId, a)).toEqual(after);
        // A store made by the previous release is counted at its migration.
        storage = await subject.downgradeAndReopen();
        expect(await stored(storage, spaceId, a)).toEqual(after);
        expect(await storage.memberOfAnySpace(editor.publicKey)).toBe(true);
        expect(await storage.memberOfAnySpace(createTestIdentity().publicKey)).toBe(false);
      } finally {
        await storage.close();
      }
    },
    60_000,
  );
});
