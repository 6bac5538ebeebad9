import { afterEach, describe, expect, it } from 'vitest';
import { FrameKind, Role } from '@trame/protocol';
import { buildEphemeral, buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { createTestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay } from '../testing/startTestRelay.js';
import { TestClient } from '../testing/TestClient.js';

const relays: TestRelay[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(relays.splice(0).map((r) => r.close()));
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('HOSTILE-4 awareness floods (R63)', () => {
  it('HOSTILE-4: a viewer flooding EPHEMERAL on 4 connections is throttled then closed; the members who receive stay', async () => {
    const r = await startTestRelay({
      limits: {
        ephemeralPerSecond: 10,
        ephemeralBurst: 20,
        ephemeralBytesPerSecond: 32 * 1024,
        ephemeralBytesBurst: 64 * 1024,
        ephemeralMaxBytes: 8 * 1024,
        ephemeralDropBurst: 100,
        maxSendBufferBytes: 1024 * 1024,
      },
    });
    relays.push(r);
    const admin = createTestIdentity();
    const editor = createTestIdentity();
    const viewer = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    await s.add(editor, Role.Editor);
    await s.add(viewer, Role.Viewer);
    const docId = randomId();
    const members: TestClient[] = [];
    for (const who of [admin, editor]) {
      const [c] = await TestClient.open(r.url, who, { spaceId: s.spaceId, docId });
      clients.push(c);
      members.push(c);
    }
    const flooders: TestClient[] = [];
    for (let i = 0; i < 4; i++) {
      const [c] = await TestClient.open(r.url, viewer, { spaceId: s.spaceId, docId });
      clients.push(c);
      flooders.push(c);
    }

    // Small frames, 4 × 60 at once: what reaches a member is the identity's budget, not 240.
    const started = performance.now();
    let sequence = 0;
    for (let k = 0; k < 60; k++) {
      for (const f of flooders)
        f.send(buildEphemeral({ author: viewer, spaceId: s.spaceId, docId, sequence: ++sequence }));
    }
    await sleep(300);
    const elapsed = (performance.now() - started) / 1000;
    for (const m of members) {
      const got = m.pending;
      expect(got).toBeGreaterThan(0);
      expect(got).toBeLessThanOrEqual(20 + Math.ceil(10 * elapsed) + 1);
      for (let i = 0; i < got; i++) expect((await m.next()).kind).toBe(FrameKind.Ephemeral);
    }

    // 32 KiB frames (over the relay's awareness bound, under the protocol's), as fast as the connection rate allows: none reaches
    // a member, and the flooding connections are closed with 4529.
    const big = new Uint8Array(32 * 1024);
    for (let k = 0; k < 150; k++) {
      for (const f of flooders) {
        if (!f.isClosed)
          f.send(buildEphemeral({ author: viewer, spaceId: s.spaceId, docId, sequence: ++sequence, ciphertext: big }));
      }
    }
    const codes = await Promise.all(flooders.map((f) => f.closeCode(5000)));
    expect(codes).toEqual([4529, 4529, 4529, 4529]);
    for (const m of members) {
      expect(m.isClosed).toBe(false);
      await m.expectNothing(100);
    }
    // And the members still write and are acknowledged.
    members[1]!.send(buildUpdate({ author: editor, spaceId: s.spaceId, docId, clock: 1 }));
    expect((await members[1]!.expectAck()).number).toBe(1);
  });

  it('HOSTILE-4: a member whose socket is backed up is sent no awareness instead of being dropped', async () => {
    const r = await startTestRelay({
      limits: {
        maxSendBufferBytes: 256 * 1024,
        closeGraceMs: 200,
        // A budget wide enough to let ~10 MB through: what is tested is the receiving side.
        ephemeralPerSecond: 10_000,
        ephemeralBurst: 10_000,
        ephemeralBytesBurst: 64 * 1024 * 1024,
        framesPerSecond: 10_000,
        frameBurst: 10_000,
      },
    });
    relays.push(r);
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    const docId = randomId();
    const [sender] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId });
    const [reader] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId });
    clients.push(sender, reader);
    const socket = (reader.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    // 800 awareness frames of 12 KiB, more than the kernel's buffers and the 256 KiB limit:
    // without R63 the relay would buffer them for the reader and drop it as a slow reader.
    const ciphertext = new Uint8Array(12 * 1024);
    for (let i = 1; i <= 800; i++)
      sender.send(buildEphemeral({ author: admin, spaceId: s.spaceId, docId, sequence: i, ciphertext }));
    await sleep(1000);
    expect(r.logs.some((l) => l.includes('"connection.slow_reader"'))).toBe(false);
    socket.resume();
    sender.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock: 1 }));
    await sender.expectAck();
    expect(reader.isClosed).toBe(false);
  });
});
