import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { decodeFrame, FrameKind, MembershipAction, Role, toHex, type Frame, type UpdateFrame } from '@trame/protocol';
import { acceptUpdate } from '../documents/acceptUpdate.js';
import { silentLogger } from '../logging/silentLogger.js';
import { startRelay, type RunningRelay } from '../relay/startRelay.js';
import { PostgresStorage } from '../storage/postgres/PostgresStorage.js';
import { buildEphemeral, buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import {
  DATABASE_URL,
  dropTestSchema,
  REDIS_URL,
  scaleoutServicesAvailable,
  uniqueTestName,
} from '../testing/scaleoutServices.js';
import { createTestSpace } from '../testing/spaces.js';
import { TestClient } from '../testing/TestClient.js';
import { RedisFanout } from './RedisFanout.js';

const available = await scaleoutServicesAvailable();

interface Instance {
  relay: RunningRelay;
  storage: PostgresStorage;
  fanout: RedisFanout;
  url: string;
}

const instances: Instance[] = [];
const clients: TestClient[] = [];
const schemas: string[] = [];

/** Two relays in this process, each with its own pool and Redis connections: two instances. */
async function cluster(n = 2): Promise<Instance[]> {
  const schema = uniqueTestName('trame_fanout');
  const prefix = `${schema}:`;
  schemas.push(schema);
  const out: Instance[] = [];
  for (let i = 0; i < n; i++) {
    const storage = await PostgresStorage.open({ url: DATABASE_URL, schema });
    const fanout = await RedisFanout.open({
      url: REDIS_URL,
      prefix,
      commitLog: storage,
      pollIntervalMs: 200,
      gapWaitMs: 50,
    });
    const relay = await startRelay({ storage, fanout, logger: silentLogger });
    const inst = { relay, storage, fanout, url: relay.url };
    instances.push(inst);
    out.push(inst);
  }
  return out;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  for (const i of instances.splice(0)) {
    await i.relay.close();
    await i.fanout.close();
    await i.storage.close();
  }
});
afterAll(async () => {
  for (const s of schemas.splice(0)) await dropTestSchema(s);
});

async function open(...args: Parameters<typeof TestClient.open>) {
  const [c, initial] = await TestClient.open(...args);
  clients.push(c);
  return [c, initial] as const;
}

/** The next ACK, skipping frames forwarded from the other writers meanwhile. */
async function ackOf(c: TestClient): Promise<void> {
  for (;;) {
    const f = await c.next(5000);
    if (f.kind === FrameKind.Ack) return;
    if (f.kind === FrameKind.Error) throw new Error(`ERROR ${f.code}: ${f.message}`);
  }
}

/** Reads frames until `count` UPDATEs arrived; returns their (author, clock) in arrival order. */
async function updates(c: TestClient, count: number, start: Frame[] = []): Promise<string[]> {
  const seen = start
    .filter((f): f is UpdateFrame => f.kind === FrameKind.Update)
    .map((f) => `${toHex(f.author).slice(0, 6)}:${f.clock}`);
  while (seen.length < count) {
    const f = await c.next(5000);
    if (f.kind === FrameKind.Update) seen.push(`${toHex(f.author).slice(0, 6)}:${f.clock}`);
  }
  return seen;
}

describe.skipIf(!available)('RedisFanout: several relay instances on one PostgreSQL and one Redis', () => {
  it('R27: frames accepted on one instance reach the other instance in commit order; awareness too', async () => {
    const [a, b] = await cluster();
    const admin = createTestIdentity();
    const editor = createTestIdentity();
    const s = await createTestSpace(a!.url, admin);
    clients.push(s.control);
    await s.add(editor, Role.Editor);
    const docId = randomId();
    const [wa] = await open(a!.url, admin, { spaceId: s.spaceId, docId });
    const [wb] = await open(b!.url, editor, { spaceId: s.spaceId, docId });
    await expect(open(b!.url, createTestIdentity(), { spaceId: s.spaceId, docId })).rejects.toThrow(/NOT_A_MEMBER/);
    const [ra] = await open(a!.url, admin, { spaceId: s.spaceId, docId });
    const [rb] = await open(b!.url, editor, { spaceId: s.spaceId, docId });
    // Two writers on two instances, interleaving as fast as their ACKs allow.
    const expected: string[] = [];
    const write = async (c: TestClient, who: ReturnType<typeof createTestIdentity>) => {
      for (let clock = 1; clock <= 40; clock++) {
        c.send(buildUpdate({ author: who, spaceId: s.spaceId, docId, clock }));
        await ackOf(c);
      }
    };
    await Promise.all([write(wa, admin), write(wb, editor)]);
    expected.push(...(await updates(ra, 80)));
    const atB = await updates(rb, 80);
    // Same order on both instances (commit order), and each author's clocks 1..40 in order.
    expect(atB).toEqual(expected);
    for (const who of [admin, editor]) {
      const mine = expected.filter((e) => e.startsWith(who.hex.slice(0, 6))).map((e) => Number(e.split(':')[1]));
      expect(mine).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    }
    wa.send(buildEphemeral({ author: admin, spaceId: s.spaceId, docId, sequence: 1 }));
    expect((await rb.expect(FrameKind.Ephemeral)).sequence).toBe(1);
    for (let f = await wb.next(); ; f = await wb.next()) {
      if (f.kind !== FrameKind.Ephemeral) continue; // wb still holds wa's forwarded updates
      expect(f.sequence).toBe(1);
      break;
    }
  });

  it('R27: a frame committed by an instance that died before publishing still reaches the others', async () => {
    const [a, b] = await cluster();
    const admin = createTestIdentity();
    const s = await createTestSpace(a!.url, admin);
    clients.push(s.control);
    const docId = randomId();
    const [w] = await open(a!.url, admin, { spaceId: s.spaceId, docId });
    const [r] = await open(b!.url, admin, { spaceId: s.spaceId, docId });
    w.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock: 1 }));
    await w.expectAck();
    // Clock 2 is committed straight into PostgreSQL: nobody publishes it.
    const silent = buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock: 2 });
    await a!.storage.withDocument(s.spaceId, docId, (tx) => acceptUpdate(tx, decodeFrame(silent) as UpdateFrame));
    // Found by the poll (nothing follows it)…
    expect(await updates(r, 2)).toEqual([`${admin.hex.slice(0, 6)}:1`, `${admin.hex.slice(0, 6)}:2`]);
    // …and a gap revealed by the next frame is filled before that frame is delivered.
    const silent3 = buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock: 3 });
    await a!.storage.withDocument(s.spaceId, docId, (tx) => acceptUpdate(tx, decodeFrame(silent3) as UpdateFrame));
    w.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock: 4 }));
    await ackOf(w);
    const next = [await r.expect(FrameKind.Update), await r.expect(FrameKind.Update)];
    expect(next.map((f) => f.clock)).toEqual([3, 4]);
    expect(toHex(next[0]!.raw)).toBe(toHex(silent3));
    await r.expectNothing(300);
  });

  it('R13: connections joining on another instance while writers type get every frame exactly once', async () => {
    const [a, b] = await cluster();
    const admin = createTestIdentity();
    const ghost = createTestIdentity();
    const s = await createTestSpace(a!.url, admin);
    clients.push(s.control);
    await s.add(ghost, Role.Editor);
    const docId = randomId();
    const [w] = await open(a!.url, admin, { spaceId: s.spaceId, docId });
    const total = 60;
    // One writer through instance A (published), one whose commits nobody publishes (an
    // instance killed after COMMIT): those reach B's room only by catch-up, possibly after a
    // joining connection read them in its initial state.
    const writing = Promise.all([
      (async () => {
        for (let clock = 1; clock <= total; clock++) {
          w.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock }));
          await ackOf(w);
        }
      })(),
      (async () => {
        for (let clock = 1; clock <= total; clock++) {
          const raw = buildUpdate({ author: ghost, spaceId: s.spaceId, docId, clock });
          await a!.storage.withDocument(s.spaceId, docId, (tx) => acceptUpdate(tx, decodeFrame(raw) as UpdateFrame));
          await new Promise((r) => setTimeout(r, 3));
        }
      })(),
    ]);
    const joined: Array<Promise<string[]>> = [];
    for (let i = 0; i < 8; i++) {
      await new Promise((r) => setTimeout(r, 10 * i));
      joined.push(
        open(b!.url, admin, { spaceId: s.spaceId, docId }).then(([c, initial]) =>
          updates(c, 2 * total, initial.frames),
        ),
      );
    }
    await writing;
    for (const seen of await Promise.all(joined)) {
      for (const who of [admin, ghost]) {
        const clocks = seen.filter((e) => e.startsWith(who.hex.slice(0, 6))).map((e) => Number(e.split(':')[1]));
        expect(clocks).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      }
    }
  });

  it('R33: a REMOVE accepted on one instance is forwarded to, and closes the removed identity on, the others', async () => {
    const [a, b] = await cluster();
    const admin = createTestIdentity();
    const editor = createTestIdentity();
    const s = await createTestSpace(a!.url, admin);
    clients.push(s.control);
    await s.add(editor, Role.Editor);
    const docId = randomId();
    const [victim] = await open(b!.url, editor, { spaceId: s.spaceId, docId });
    const [watcher] = await open(b!.url, admin, { spaceId: s.spaceId });
    const remove = s.log.next(admin, MembershipAction.Remove, editor.publicKey, Role.None);
    await s.append(remove);
    expect(await victim.closeCode()).toBe(4403);
    const forwarded = await watcher.expect(FrameKind.Membership);
    expect(toHex(forwarded.raw)).toBe(toHex(remove));
    // The removed identity cannot come back through the other instance either (R12).
    await expect(open(a!.url, editor, { spaceId: s.spaceId, docId })).rejects.toThrow(/NOT_A_MEMBER/);
  });

  it("DEVICES-2: R98/R33: a REMOVE of a person accepted on one instance closes her linked device's connections on the others at once", async () => {
    const [a, b] = await cluster();
    const admin = createTestIdentity();
    const alice = createTestIdentity();
    const phone = createTestIdentity();
    const s = await createTestSpace(a!.url, admin);
    clients.push(s.control);
    await s.add(alice, Role.Editor);
    // Alice links her phone (R94): the entry is signed by her person key.
    const [aliceSpace] = await open(a!.url, alice, { spaceId: s.spaceId });
    const link = s.log.next(alice, MembershipAction.DeviceAdd, phone.publicKey, Role.None);
    aliceSpace.send(link);
    await ackOf(aliceSpace);
    s.log.accepted(link);
    await s.control.expect(FrameKind.Membership);
    const docId = randomId();
    const [phoneDoc] = await open(b!.url, phone, { spaceId: s.spaceId, docId });
    const [phoneSpace] = await open(b!.url, phone, { spaceId: s.spaceId });
    // The REMOVE names Alice, not her phone: only instance a's fold knows the phone goes too.
    await s.append(s.log.next(admin, MembershipAction.Remove, alice.publicKey, Role.None));
    // Without a write or a reconnection of the phone: the close comes from the fan-out.
    expect(await phoneSpace.closeCode()).toBe(4403);
    expect(await phoneDoc.closeCode()).toBe(4403);
  });
});
