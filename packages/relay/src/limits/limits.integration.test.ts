import { afterEach, describe, expect, it } from 'vitest';
import { FrameKind, Role } from '@trame/protocol';
import { buildEphemeral, buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { createTestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay } from '../testing/startTestRelay.js';
import { TestClient } from '../testing/TestClient.js';
import type { RelayLimits } from '../relay/RelayLimits.js';

const relays: TestRelay[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(relays.splice(0).map((r) => r.close()));
});

async function relayWith(limits: Partial<RelayLimits>): Promise<TestRelay> {
  const r = await startTestRelay({ limits });
  relays.push(r);
  return r;
}

describe('R15 limits', () => {
  it('R15: answers frames over the rate with RATE_LIMITED, then closes a connection that keeps going with 4529', async () => {
    const r = await relayWith({ framesPerSecond: 1, frameBurst: 10, rateLimitCloseAfter: 20 });
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    const docId = randomId();
    const [c] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId });
    clients.push(c);
    // HELLO and AUTH took 2 tokens of 10; 8 more pass, then every frame is refused.
    for (let i = 1; i <= 40; i++) c.send(buildEphemeral({ author: admin, spaceId: s.spaceId, docId, sequence: i }));
    let limited = 0;
    for (;;) {
      const frame = await c.next().catch(() => null);
      if (!frame) break;
      expect(frame.kind).toBe(FrameKind.Error);
      if (frame.kind !== FrameKind.Error) break;
      // The refused frame is named, so a client knows what to send again.
      expect([frame.refKind, frame.refNumber]).toEqual([FrameKind.Ephemeral, 8 + limited + 1]);
      limited++;
    }
    expect(limited).toBeGreaterThanOrEqual(20);
    expect(limited).toBeLessThan(32);
    expect(await c.closeCode()).toBe(4529);
  });

  it('R15: a connection under the rate is never limited', async () => {
    const r = await relayWith({ framesPerSecond: 1000, frameBurst: 50 });
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    const docId = randomId();
    const [c] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId });
    clients.push(c);
    for (let clock = 1; clock <= 30; clock++) {
      c.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock }));
      expect((await c.expectAck()).number).toBe(clock);
    }
  });

  it('R15: closes a connection that misses a pong with 4510', async () => {
    const r = await relayWith({ pingIntervalMs: 100 });
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    const deaf = await TestClient.connect(r.url, { autoPong: false });
    clients.push(deaf);
    await deaf.authenticate(admin, { spaceId: s.spaceId });
    expect(await deaf.closeCode(3000)).toBe(4510);
    // A client that answers pings stays connected.
    expect(s.control.isClosed).toBe(false);
  });

  it('R15: drops a slow reader (send buffer over the limit) with 4509', async () => {
    const r = await relayWith({
      maxSendBufferBytes: 256 * 1024,
      closeGraceMs: 200,
      // The writer may need all 24 MiB before the reader's kernel buffers fill (R65 aside).
      byteBurstPerConnection: 64 * 1024 * 1024,
      byteBurstPerIdentity: 64 * 1024 * 1024,
      byteBurstPerSpace: 64 * 1024 * 1024,
    });
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    const docId = randomId();
    const [writer] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId });
    const [reader] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId });
    clients.push(writer, reader);
    // The reader stops reading from its socket: the relay's buffer towards it grows.
    const socket = (reader.ws as unknown as { _socket: { pause(): void } })._socket;
    socket.pause();
    const ciphertext = new Uint8Array(1024 * 1024);
    for (let clock = 1; clock <= 24; clock++) {
      writer.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock, ciphertext }));
      await writer.expectAck(10_000);
      if (r.logs.some((l) => l.includes('"connection.slow_reader"'))) break;
    }
    const closing = r.logs.find((l) => l.includes('"connection.closing"') && l.includes('"closeCode":4509'));
    expect(closing).toBeDefined();
    expect(writer.isClosed).toBe(false);
  });

  it('closes every connection with 4599 on shutdown', async () => {
    const r = await startTestRelay();
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    const [doc, initial] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId: randomId() });
    expect(initial.ready.role).toBe(Role.Admin);
    await r.close();
    expect(await s.control.closeCode()).toBe(4599);
    expect(await doc.closeCode()).toBe(4599);
  });
});
