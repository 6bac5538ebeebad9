import { afterEach, describe, expect, it } from 'vitest';
import { FrameKind, Role } from '@trame/protocol';
import type { DocumentTransaction, RelayStorage } from '../storage/RelayStorage.js';
import type { SqliteStorage } from '../storage/sqlite/SqliteStorage.js';
import { buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { Gate } from '../testing/Gate.js';
import { randomId } from '../testing/randomId.js';
import { createTestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay } from '../testing/startTestRelay.js';
import { TestClient } from '../testing/TestClient.js';

/** SQLite whose syncs wait for `gate` (when set): commits are visible, nothing is durable yet. */
function withHeldSyncs(sqlite: SqliteStorage, hold: { gate: Gate | null }): RelayStorage {
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'commitDocument') {
        return async <T>(spaceId: Uint8Array, docId: Uint8Array, fn: (tx: DocumentTransaction) => Promise<T>) => {
          const result = await target.commitDocument(spaceId, docId, fn);
          const gate = hold.gate;
          return gate ? { value: result.value, durable: result.durable.then(() => gate.wait()) } : result;
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

let relay: TestRelay | null = null;
const clients: TestClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await relay?.close();
  relay = null;
});

describe('forwarding at COMMIT, acknowledging at durability', () => {
  it('R27/R47: others get the frame before its sync returns; the ACK and DURABLE wait for it', async () => {
    const hold: { gate: Gate | null } = { gate: null };
    relay = await startTestRelay({ wrapStorage: (sqlite) => withHeldSyncs(sqlite, hold) });
    const admin = createTestIdentity();
    const editor = createTestIdentity();
    const space = await createTestSpace(relay.url, admin);
    clients.push(space.control);
    await space.add(editor, Role.Editor);
    const docId = randomId();
    const [writer] = await TestClient.open(relay.url, editor, { spaceId: space.spaceId, docId });
    const [reader] = await TestClient.open(relay.url, admin, { spaceId: space.spaceId, docId });
    clients.push(writer, reader);
    // An empty document is durable as served: DURABLE right after READY.
    await reader.waitDurable(0);
    const durablesBefore = reader.durableAfter.length;

    const gate = new Gate();
    hold.gate = gate;
    writer.send(buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock: 1 }));
    const forwarded = await reader.expect(FrameKind.Update);
    expect(forwarded.clock).toBe(1);
    await gate.reached;
    // Committed and forwarded, not yet synced: no ACK, no DURABLE.
    await writer.expectNothing(150);
    expect(reader.durableAfter.length).toBe(durablesBefore);

    hold.gate = null;
    gate.open();
    expect((await writer.expectAck()).number).toBe(1);
    await reader.waitDurable(reader.receivedCount);
    // R47 throttling: one notice however many frames it covers.
    writer.send(buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock: 2 }));
    writer.send(buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock: 3 }));
    await writer.expectAck();
    await writer.expectAck();
    await reader.expect(FrameKind.Update);
    await reader.expect(FrameKind.Update);
    await reader.waitDurable(reader.receivedCount);
    expect(reader.durableAfter.length - durablesBefore).toBeLessThanOrEqual(3);
  });

  it('R47: a reader joining while a frame waits for its sync gets DURABLE only once it is synced', async () => {
    const hold: { gate: Gate | null } = { gate: null };
    relay = await startTestRelay({ wrapStorage: (sqlite) => withHeldSyncs(sqlite, hold) });
    const admin = createTestIdentity();
    const editor = createTestIdentity();
    const space = await createTestSpace(relay.url, admin);
    clients.push(space.control);
    await space.add(editor, Role.Editor);
    const docId = randomId();
    const [writer] = await TestClient.open(relay.url, editor, { spaceId: space.spaceId, docId });
    clients.push(writer);
    const gate = new Gate();
    hold.gate = gate;
    writer.send(buildUpdate({ author: editor, spaceId: space.spaceId, docId, clock: 1 }));
    await gate.reached;
    hold.gate = null;

    const [late, initial] = await TestClient.open(relay.url, admin, { spaceId: space.spaceId, docId });
    clients.push(late);
    // The committed update is in its state, but its sync has not returned.
    expect(initial.frames.filter((f) => f.kind === FrameKind.Update)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 250));
    expect(late.durableAfter).toEqual([]);
    gate.open();
    await writer.expectAck();
    await late.waitDurable(0);
  });
});
