import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decodeFrame,
  MembershipAction,
  Role,
  toHex,
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
import { MembershipLog } from '../../testing/MembershipLog.js';
import { randomId } from '../../testing/randomId.js';
import { readCursor } from '../../testing/readCursor.js';
import { snapshotProofOf } from '../../testing/snapshotProofOf.js';
import { framesFileOf } from './framesFileOf.js';
import { inlineFrames } from './inlineFrames.js';
import { SqliteStorage, type SqliteStorageOptions } from './SqliteStorage.js';
import { viewFramesInline } from './viewFramesInline.js';

const THRESHOLD = 4096;
let dir: string;
let file: string;
let storage: SqliteStorage;
const admin = createTestIdentity();
const editor = createTestIdentity();

function open(options: SqliteStorageOptions = {}): SqliteStorage {
  storage = SqliteStorage.open(file, { externalFrameBytes: THRESHOLD, ...options });
  return storage;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trame-frames-'));
  file = join(dir, 'trame.sqlite');
  open();
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
  return log;
}

/** Writes a frame the way the relay does: staged first, appended, released (writeAndDeliver). */
async function write(spaceId: Uint8Array, docId: Uint8Array, raw: Uint8Array, fail = false): Promise<string> {
  const staged = await storage.stageFrame(raw);
  try {
    const { verdict } = await storage.withDocument(spaceId, docId, async (tx) => {
      const f = decodeFrame(raw);
      const result =
        f.kind === 0x11 ? await acceptUpdate(tx, f as UpdateFrame) : await acceptSnapshot(tx, f as SnapshotFrame);
      if (fail) throw new Error('rejected after the append');
      return result;
    });
    return verdict;
  } finally {
    staged?.release();
  }
}

const rowsOf = (sql: string): unknown[] => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};
const framesIn = (): number[] => {
  const db = new Database(framesFileOf(file), { readonly: true });
  try {
    return db.prepare('SELECT id FROM frames ORDER BY id').pluck().all() as number[];
  } finally {
    db.close();
  }
};
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 100));
const big = (n = THRESHOLD): Uint8Array => new Uint8Array(randomBytes(n));

describe('ADR 0009: large frames in the frames file', () => {
  it('a frame at the threshold is kept apart, its row references it, and every read finds it (R13, R21, R61, R67)', async () => {
    const log = await space();
    const docId = randomId();
    // One byte below the threshold stays inline; a frame of exactly the threshold goes apart.
    const overhead =
      buildUpdate({ author: editor, spaceId: randomId(), docId, clock: 1, ciphertext: big(100) }).length - 100;
    const small = buildUpdate({
      author: editor,
      spaceId: log.spaceId,
      docId,
      clock: 1,
      ciphertext: big(THRESHOLD - 1 - overhead),
    });
    const large = buildUpdate({
      author: editor,
      spaceId: log.spaceId,
      docId,
      clock: 2,
      ciphertext: big(THRESHOLD - overhead),
    });
    expect([small.length, large.length]).toEqual([THRESHOLD - 1, THRESHOLD]);
    await write(log.spaceId, docId, small);
    await write(log.spaceId, docId, large);
    const rows = rowsOf('SELECT length(frame) AS inline, frame_ref, frame_size FROM updates ORDER BY id') as Array<{
      inline: number;
      frame_ref: number | null;
      frame_size: number | null;
    }>;
    expect(rows).toEqual([
      { inline: small.length, frame_ref: null, frame_size: null },
      { inline: 0, frame_ref: expect.any(Number), frame_size: large.length },
    ]);
    expect(framesIn()).toEqual([rows[1]!.frame_ref]);

    const state = await storage.initialState({
      spaceId: log.spaceId,
      docId,
      identity: editor.publicKey,
      afterSeq: 0,
      knownSnapshotId: ZERO_ID,
      pageBytes: 1024,
    });
    expect((await readCursor(state.tail)).map(toHex)).toEqual([toHex(small), toHex(large)]);
    // R21: the re-sent frame is compared with the stored one, read from the frames file.
    expect(await write(log.spaceId, docId, large)).toBe('duplicate');
    // R67: the stored bytes count the frame's size, not its empty inline column.
    const stored = await storage.withDocument(log.spaceId, docId, (tx) => tx.storedBytes());
    expect(stored.document).toBe(small.length + large.length);
    await settle();
    // The duplicate's staged copy was released and deleted.
    expect(framesIn()).toEqual([rows[1]!.frame_ref]);
  });

  it('a staged frame whose transaction rolled back is deleted; one a crash left behind is deleted at open', async () => {
    const log = await space();
    const docId = randomId();
    const large = buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock: 1, ciphertext: big() });
    await expect(write(log.spaceId, docId, large, true)).rejects.toThrow('rejected after the append');
    await settle();
    expect(framesIn()).toEqual([]);
    expect(rowsOf('SELECT id FROM updates')).toEqual([]);
    // A frame written, then the process gone before its row committed (never released).
    expect(await storage.stageFrame(large)).not.toBeNull();
    expect(framesIn()).toHaveLength(1);
    await storage.close();
    open();
    expect(framesIn()).toEqual([]);
  });

  it('R28: a compaction that prunes rows deletes their frames from the frames file once durable', async () => {
    const log = await space();
    const docId = randomId();
    const a = { author: editor, spaceId: log.spaceId, docId };
    await write(log.spaceId, docId, buildUpdate({ ...a, clock: 1, ciphertext: big() }));
    const s1Id = randomId();
    const s1 = buildSnapshot({
      ...a,
      snapshotId: s1Id,
      height: 1,
      proof: snapshotProofOf(),
      clocks: [{ author: editor.publicKey, clock: 1 }],
      ciphertext: big(),
    });
    await write(log.spaceId, docId, s1);
    const t1 = buildUpdate({ ...a, clock: 1, snapshotId: s1Id, ciphertext: big() });
    await write(log.spaceId, docId, t1);
    expect(framesIn()).toHaveLength(3);
    const s2 = buildSnapshot({
      ...a,
      snapshotId: randomId(),
      parentId: s1Id,
      height: 2,
      proof: snapshotProofOf({ proof: (decodeFrame(s1) as SnapshotFrame).proof, raw: s1 }),
      clocks: [{ author: editor.publicKey, clock: 1 }],
      ciphertext: big(),
    });
    await write(log.spaceId, docId, s2);
    await settle();
    // The pre-s1 update's frame is gone; s1, its tail and s2 stay (R28).
    const refs = rowsOf(
      'SELECT frame_ref FROM updates UNION ALL SELECT frame_ref FROM snapshots ORDER BY frame_ref',
    ) as Array<{ frame_ref: number }>;
    expect(framesIn()).toEqual(refs.map((r) => r.frame_ref));
    expect(framesIn()).toHaveLength(3);
    const stored = await storage.withDocument(log.spaceId, docId, (tx) => tx.storedBytes());
    expect(stored.document).toBe(s1.length + t1.length + s2.length);
  });

  it('tools read every frame wherever it is: viewFramesInline (migration, scans) and inlineFrames (backup)', async () => {
    const log = await space();
    const docId = randomId();
    const frames = [1, 2].map((clock) =>
      buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock, ciphertext: clock === 2 ? big() : undefined }),
    );
    for (const f of frames) await write(log.spaceId, docId, f);
    await storage.close();
    const db = new Database(file, { readonly: true });
    expect(viewFramesInline(db, file)).toBe(true);
    const read = db.prepare('SELECT frame FROM updates ORDER BY id').pluck().all() as Uint8Array[];
    expect(read.map(toHex)).toEqual(frames.map(toHex));
    db.close();
    const copy = join(dir, 'copy.sqlite');
    const source = new Database(file, { readonly: true });
    await source.backup(copy);
    source.close();
    const c = new Database(copy);
    expect(inlineFrames(c, file)).toBe(1);
    expect(c.prepare('SELECT count(*) FROM updates WHERE frame_ref IS NOT NULL').pluck().get()).toBe(0);
    expect((c.prepare('SELECT frame FROM updates ORDER BY id').pluck().all() as Uint8Array[]).map(toHex)).toEqual(
      frames.map(toHex),
    );
    c.close();
    open();
  });
});

describe('ADR 0009: checkpoints in the worker thread', () => {
  it("the frames file's WAL stays bounded by its own automatic checkpoints (in the worker)", async () => {
    await storage.close();
    open({ framesCheckpointPages: 64 });
    const log = await space();
    const docId = randomId();
    // 3 MiB of large frames against a 512 KiB checkpoint threshold.
    for (let clock = 1; clock <= 48; clock++) {
      await write(
        log.spaceId,
        docId,
        buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock, ciphertext: big(64 * 1024) }),
      );
    }
    expect(framesIn()).toHaveLength(48);
    expect(statSync(`${framesFileOf(file)}-wal`).size).toBeLessThan(1536 * 1024);
  });

  it('the relay connection never checkpoints (wal_autocheckpoint = 0): without the worker the WAL keeps everything', async () => {
    await storage.close();
    // No PASSIVE checkpoint within the test and no bound: SQLite's automatic checkpoint (every
    // 4 MiB) would be the only one left, and it must not run.
    open({ checkpoint: { intervalMs: 60_000, maxWalBytes: 64 * 1024 * 1024 } });
    const log = await space();
    const docId = randomId();
    for (let clock = 1; clock <= 400; clock++) {
      await write(
        log.spaceId,
        docId,
        buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock, ciphertext: big(3000) }),
      );
    }
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(8 * 1024 * 1024);
    expect(storage.checkpoints).toBe(0);
  });

  it('PASSIVE checkpoints in the worker keep the WAL small while writes go on', async () => {
    await storage.close();
    open({ checkpoint: { intervalMs: 5, maxWalBytes: 64 * 1024 * 1024 } });
    const log = await space();
    const docId = randomId();
    // ~10 MiB of WAL (frames below the threshold, inline) without checkpoints (test above).
    for (let clock = 1; clock <= 400; clock++) {
      await write(
        log.spaceId,
        docId,
        buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock, ciphertext: big(3000) }),
      );
    }
    expect(storage.checkpoints).toBeGreaterThan(0);
    expect(statSync(`${file}-wal`).size).toBeLessThan(6 * 1024 * 1024);
    expect(await storage.health()).toMatchObject({ ok: true });
  });

  it('past maxWalBytes a write first empties the WAL (TRUNCATE), so it stays bounded even without PASSIVE checkpoints', async () => {
    await storage.close();
    // No PASSIVE checkpoint within the test: only the bound acts.
    open({ checkpoint: { intervalMs: 60_000, maxWalBytes: 256 * 1024 } });
    const log = await space();
    const docId = randomId();
    let largest = 0;
    for (let clock = 1; clock <= 300; clock++) {
      await write(
        log.spaceId,
        docId,
        buildUpdate({ author: editor, spaceId: log.spaceId, docId, clock, ciphertext: big(3000) }),
      );
      largest = Math.max(largest, statSync(`${file}-wal`).size);
    }
    // The bound, plus what is written within one 20 ms size check.
    expect(largest).toBeLessThan(1024 * 1024);
    const state = await storage.initialState({
      spaceId: log.spaceId,
      docId,
      identity: editor.publicKey,
      afterSeq: 0,
      knownSnapshotId: ZERO_ID,
    });
    expect(state.tail.count).toBe(300);
  });
});
