import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FrameKind, Role } from '@trame/protocol';
import { buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity, type TestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { createTestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay } from '../testing/startTestRelay.js';
import { TestClient } from '../testing/TestClient.js';
import { PostgresStorage } from '../storage/postgres/PostgresStorage.js';
import type { FrameCursor, InitialStateQuery, RelayStorage } from '../storage/RelayStorage.js';
import { SqliteStorage } from '../storage/sqlite/SqliteStorage.js';
import {
  DATABASE_URL,
  dropTestSchema,
  scaleoutServicesAvailable,
  uniqueTestName,
} from '../testing/scaleoutServices.js';

let relay: TestRelay | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await relay?.close();
  relay = null;
});

/** Waits for the ACK of the writer's last frame, past forwarded membership entries. */
async function ack(c: TestClient): Promise<void> {
  for (;;) {
    const f = await c.next(10_000);
    if (f.kind === FrameKind.Ack) return;
    if (f.kind === FrameKind.Error) throw new Error('write refused');
  }
}

/** Writes `count` updates of `bytes` from clock `from`; returns the next clock. */
async function write(
  c: TestClient,
  who: TestIdentity,
  spaceId: Uint8Array,
  docId: Uint8Array,
  from: number,
  count: number,
  bytes: number,
): Promise<number> {
  const ciphertext = new Uint8Array(bytes);
  for (let i = 0; i < count; i++) {
    c.send(buildUpdate({ author: who, spaceId, docId, clock: from + i, ciphertext }));
    await ack(c);
  }
  return from + count;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Opens a document connection whose socket stops reading once AUTH is sent. */
async function nonReader(url: string, who: TestIdentity, spaceId: Uint8Array, docId: Uint8Array): Promise<TestClient> {
  const c = await TestClient.connect(url);
  clients.push(c);
  // Pause in the same turn as AUTH leaves (HELLO is the first send, AUTH the second): the relay
  // streams the initial state only after AUTH, so not one byte of it is read, however slow
  // the machine (a fixed delay let a loaded machine read all of it first).
  const send = c.send.bind(c);
  let sends = 0;
  const authSent = new Promise<void>((resolve) => {
    c.send = (bytes) => {
      send(bytes);
      if (++sends === 2) {
        (c.ws as unknown as { _socket: { pause(): void } })._socket.pause();
        resolve();
      }
    };
  });
  void c.authenticate(who, { spaceId, docId }).catch(() => {});
  await authSent;
  return c;
}

/** A cursor that reports the size of every page it reads from storage. */
function counted(cursor: FrameCursor, page: (bytes: number) => void): FrameCursor {
  return {
    count: cursor.count,
    skip: (frames) => cursor.skip(frames),
    next: async () => {
      const frames = await cursor.next();
      page(frames.reduce((n, f) => n + f.length, 0));
      return frames;
    },
  };
}

const pgAvailable = await scaleoutServicesAvailable();
const schemas: string[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const s of schemas.splice(0)) await dropTestSchema(s);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The relay's storage for the streaming test: SQLite, and PostgreSQL when it is reachable. */
const backends: Array<[string, () => Promise<RelayStorage | null>]> = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'trame-stream-'));
      dirs.push(dir);
      return SqliteStorage.open(join(dir, 'trame.sqlite'));
    },
  ],
  [
    'PostgreSQL',
    async () => {
      if (!pgAvailable) return null;
      const schema = uniqueTestName('trame_stream');
      schemas.push(schema);
      return PostgresStorage.open({ url: DATABASE_URL, schema, timeoutMs: 10_000 });
    },
  ],
];

describe('HOSTILE-2 unbounded reads (R61)', () => {
  it.each(backends)(
    'HOSTILE-2: R61, on %s the tail is streamed from storage a page at a time at the reader’s pace: a non-reading connection on a 20 MiB tail makes the relay read a bounded part of it',
    async (_name, open) => {
      const base = await open();
      if (!base) return;
      const pageBytes = 512 * 1024;
      const reads: Array<{ docId: Uint8Array | null; pages: number[] }> = [];
      relay = await startTestRelay({
        limits: {
          maxSendBufferBytes: 1024 * 1024,
          initialStatePageBytes: pageBytes,
          byteBurstPerConnection: 64 * 1024 * 1024,
          byteBurstPerIdentity: 64 * 1024 * 1024,
          byteBurstPerSpace: 64 * 1024 * 1024,
        },
        storage: Object.assign(Object.create(base) as RelayStorage, {
          initialState: async (q: InitialStateQuery) => {
            const state = await base.initialState(q);
            const read = { docId: q.docId, pages: [] as number[] };
            reads.push(read);
            return { ...state, tail: counted(state.tail, (bytes) => read.pages.push(bytes)) };
          },
        }),
      });
      const admin = createTestIdentity();
      const space = await createTestSpace(relay.url, admin);
      clients.push(space.control);
      const docId = randomId();
      const [writer] = await TestClient.open(relay.url, admin, { spaceId: space.spaceId, docId });
      clients.push(writer);
      const frameBytes = 256 * 1024;
      await write(writer, admin, space.spaceId, docId, 1, 80, frameBytes);
      const hostile = createTestIdentity();
      await space.add(hostile, Role.Viewer);
      const before = reads.length;
      await nonReader(relay.url, hostile, space.spaceId, docId);
      // Wait until the relay stops reading pages for it (its socket is full).
      const read = (): number[] => reads.slice(before).flatMap((r) => r.pages);
      for (let seen = -1; seen !== read().length;) {
        seen = read().length;
        await sleep(500);
      }
      const pages = read();
      const total = pages.reduce((n, b) => n + b, 0);
      // Never more than a page (and one frame) in memory at a time...
      for (const bytes of pages) expect(bytes).toBeLessThanOrEqual(pageBytes + frameBytes + 1024);
      // ...and only what the socket buffers took: the kernel's (a few MiB) and the relay's.
      expect(total).toBeLessThan(12 * 1024 * 1024);
      // A member that reads gets the whole 20 MiB tail, in pages.
      const friend = createTestIdentity();
      await space.add(friend, Role.Viewer);
      const mark = reads.length;
      const [reader, initial] = await TestClient.open(relay.url, friend, { spaceId: space.spaceId, docId });
      clients.push(reader);
      expect(initial.frames.filter((f) => f.kind === FrameKind.Update)).toHaveLength(80);
      const friendPages = reads
        .slice(mark)
        .flatMap((r) => r.pages)
        .filter((b) => b > 0);
      expect(friendPages.length).toBeGreaterThanOrEqual(40);
    },
    60_000,
  );

  it('HOSTILE-2: connections that never read hold at most two initial states per identity; other members still load', async () => {
    let reads = 0;
    relay = await startTestRelay({
      limits: {
        maxSendBufferBytes: 512 * 1024,
        maxLoadsPerIdentity: 2,
        byteBurstPerConnection: 64 * 1024 * 1024,
        byteBurstPerIdentity: 64 * 1024 * 1024,
        byteBurstPerSpace: 64 * 1024 * 1024,
      },
      wrapStorage: (inner) => {
        const storage: RelayStorage = Object.create(inner) as RelayStorage;
        storage.initialState = async (q) => {
          if (q.docId) reads += 1;
          return inner.initialState(q);
        };
        return storage;
      },
    });
    const admin = createTestIdentity();
    const space = await createTestSpace(relay.url, admin);
    clients.push(space.control);
    const docId = randomId();
    const [writer] = await TestClient.open(relay.url, admin, { spaceId: space.spaceId, docId });
    clients.push(writer);
    // A 20 MiB tail: more than the kernel's socket buffers hold, so a client that does not
    // read keeps its connection loading.
    await write(writer, admin, space.spaceId, docId, 1, 40, 512 * 1024);
    const hostile = createTestIdentity();
    await space.add(hostile, Role.Viewer);
    const before = reads;
    for (let i = 0; i < 6; i++) await nonReader(relay.url, hostile, space.spaceId, docId);
    await sleep(300);
    // Two states read and held; four connections wait without one.
    expect(reads - before).toBe(2);
    // Another member loads the whole document meanwhile.
    const friend = createTestIdentity();
    await space.add(friend, Role.Viewer);
    const [reader, initial] = await TestClient.open(relay.url, friend, { spaceId: space.spaceId, docId });
    clients.push(reader);
    expect(initial.frames.filter((f) => f.kind === FrameKind.Update)).toHaveLength(40);
    expect(reads - before).toBe(3);
  });

  it('HOSTILE-2: live frames queued for a loading connection are bounded: past the limit it is dropped as a slow reader', async () => {
    relay = await startTestRelay({
      limits: {
        maxSendBufferBytes: 256 * 1024,
        byteBurstPerConnection: 64 * 1024 * 1024,
        byteBurstPerIdentity: 64 * 1024 * 1024,
        byteBurstPerSpace: 64 * 1024 * 1024,
      },
    });
    const admin = createTestIdentity();
    const space = await createTestSpace(relay.url, admin);
    clients.push(space.control);
    const docId = randomId();
    const [writer] = await TestClient.open(relay.url, admin, { spaceId: space.spaceId, docId });
    clients.push(writer);
    let clock = await write(writer, admin, space.spaceId, docId, 1, 40, 512 * 1024);
    const slow = createTestIdentity();
    await space.add(slow, Role.Viewer);
    // It stops reading while its state is sent: it stays loading while the writer goes on.
    await nonReader(relay.url, slow, space.spaceId, docId);
    await sleep(200);
    // 20 MiB of state cannot all sit in the kernel's buffers: it stays loading while the
    // writer goes on, and its queue of live frames grows until the bound.
    const dropped = (): boolean =>
      relay!.logs.some((l) => l.includes('"connection.slow_reader"') && l.includes('"queued"'));
    for (let i = 0; i < 20 && !dropped(); i++)
      clock = await write(writer, admin, space.spaceId, docId, clock, 1, 128 * 1024);
    await sleep(100);
    const line = relay.logs.find((l) => l.includes('"connection.slow_reader"') && l.includes('"queued"'));
    expect(line).toBeDefined();
    expect(relay.logs.some((l) => l.includes('"connection.closing"') && l.includes('"closeCode":4509'))).toBe(true);
    expect(writer.isClosed).toBe(false);
  });
});
