import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decodeFrame,
  FrameKind,
  MembershipAction,
  Role,
  toHex,
  ZERO_ID,
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
import { readCursor } from '../testing/readCursor.js';
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

async function openSqlite(): Promise<RelayStorage> {
  const dir = mkdtempSync(join(tmpdir(), 'trame-cursor-'));
  dirs.push(dir);
  return SqliteStorage.open(join(dir, 'trame.sqlite'));
}

async function openPostgres(): Promise<RelayStorage> {
  const schema = uniqueTestName('trame_cursor');
  schemas.push(schema);
  return PostgresStorage.open({ url: DATABASE_URL, schema, timeoutMs: 3000 });
}

async function space(storage: RelayStorage): Promise<Uint8Array> {
  const log = new MembershipLog(randomId());
  for (const raw of [log.genesis(admin), null]) {
    const entry = raw ?? log.next(admin, MembershipAction.Add, editor.publicKey, Role.Editor);
    await storage.withSpace(log.spaceId, (tx) =>
      acceptMembership(tx, decodeFrame(entry) as MembershipFrame, {
        spaceId: log.spaceId,
        nowSeconds: 0,
        create: false,
      }),
    );
    log.accepted(entry);
  }
  return log.spaceId;
}

function write(storage: RelayStorage, spaceId: Uint8Array, docId: Uint8Array, raw: Uint8Array) {
  return storage.withDocument(spaceId, docId, (tx) => {
    const f = decodeFrame(raw);
    return f.kind === FrameKind.Update ? acceptUpdate(tx, f) : acceptSnapshot(tx, f as SnapshotFrame);
  });
}

const adapters: Array<[string, () => Promise<RelayStorage>, boolean]> = [
  ['SQLite', openSqlite, true],
  ['PostgreSQL', openPostgres, available],
];

describe.each(adapters)('HOSTILE-2 tail cursor on %s (R61)', (_name, open, runs) => {
  it.skipIf(!runs)(
    'HOSTILE-2: the tail is read a page at a time, never more than the page size (plus one frame), in order',
    async () => {
      const storage = await open();
      try {
        const spaceId = await space(storage);
        const docId = randomId();
        const tail: Uint8Array[] = [];
        for (let clock = 1; clock <= 40; clock++) {
          const raw = buildUpdate({ author: editor, spaceId, docId, clock, ciphertext: new Uint8Array(10 * KiB) });
          await write(storage, spaceId, docId, raw);
          tail.push(raw);
        }
        const query = { spaceId, docId, identity: editor.publicKey, afterSeq: -1, knownSnapshotId: ZERO_ID };
        const state = await storage.initialState({ ...query, pageBytes: 32 * KiB });
        expect(state.tail.count).toBe(40);
        // Written after the read: not in this cursor (the connection's live queue has it, R13).
        await write(storage, spaceId, docId, buildUpdate({ author: editor, spaceId, docId, clock: 41 }));
        const pages: Uint8Array[][] = [];
        for (let page = await state.tail.next(); page.length > 0; page = await state.tail.next()) pages.push(page);
        const frameBytes = tail[0]!.length;
        for (const page of pages) {
          const bytes = page.reduce((n, f) => n + f.length, 0);
          expect(bytes).toBeLessThan(32 * KiB + frameBytes);
        }
        expect(pages.length).toBeGreaterThanOrEqual(10);
        expect(pages.flat().map(toHex)).toEqual(tail.map(toHex));
        // One frame larger than a page still comes out, alone.
        const big = await storage.initialState({ ...query, pageBytes: 1 });
        expect(await big.tail.next()).toHaveLength(1);
        expect(await readCursor(big.tail)).toHaveLength(40);
        // R48: a reconnecting client's first frames are skipped without being read.
        const resumed = await storage.initialState({ ...query, pageBytes: 32 * KiB });
        await resumed.tail.skip(37);
        // (41 updates by now: the one written after the first read is in this later state.)
        const rest = await readCursor(resumed.tail);
        expect(rest).toHaveLength(4);
        expect(rest.slice(0, 3).map(toHex)).toEqual(tail.slice(37).map(toHex));
        const past = await storage.initialState(query);
        await past.tail.skip(99);
        expect(await past.tail.next()).toEqual([]);
        // The membership log is paged the same way (genesis and one ADD here).
        expect(big.membership.count).toBe(2);
        expect(await big.membership.next()).toHaveLength(1);
        expect(await readCursor(big.membership)).toHaveLength(1);
        const after0 = await storage.initialState({ ...query, afterSeq: 0 });
        expect(await readCursor(after0.membership)).toHaveLength(1);
        expect((await storage.initialState({ ...query, afterSeq: 5 })).membership.count).toBe(0);
        const log = (await storage.initialState(query)).membership;
        await log.skip(1);
        expect(await readCursor(log)).toHaveLength(1);
      } finally {
        await storage.close();
      }
    },
    60_000,
  );

  it.skipIf(!runs)(
    'HOSTILE-2: a tail pruned while it is read (two compactions) ends the cursor with SLOW_READER',
    async () => {
      const storage = await open();
      try {
        const spaceId = await space(storage);
        const docId = randomId();
        for (let clock = 1; clock <= 6; clock++) {
          await write(
            storage,
            spaceId,
            docId,
            buildUpdate({ author: editor, spaceId, docId, clock, ciphertext: new Uint8Array(KiB) }),
          );
        }
        const state = await storage.initialState({
          spaceId,
          docId,
          identity: editor.publicKey,
          afterSeq: -1,
          knownSnapshotId: ZERO_ID,
          pageBytes: 2 * KiB,
        });
        expect((await state.tail.next()).length).toBeGreaterThan(0);
        const s1 = buildSnapshot({
          author: editor,
          spaceId,
          docId,
          snapshotId: randomId(),
          height: 1,
          proof: snapshotProofOf(),
          clocks: [{ author: editor.publicKey, clock: 6 }],
        });
        await write(storage, spaceId, docId, s1);
        const s1Frame = decodeFrame(s1) as SnapshotFrame;
        await write(
          storage,
          spaceId,
          docId,
          buildSnapshot({
            author: editor,
            spaceId,
            docId,
            snapshotId: randomId(),
            parentId: s1Frame.snapshotId,
            height: 2,
            proof: snapshotProofOf({ proof: s1Frame.proof, raw: s1 }),
            clocks: [],
          }),
        );
        await expect(readCursor(state.tail)).rejects.toMatchObject({ code: 'SLOW_READER' });
      } finally {
        await storage.close();
      }
    },
    60_000,
  );
});
