import { afterEach, describe, expect, it } from 'vitest';
import { FrameKind, Role } from '@trame/protocol';
import { buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { createTestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay } from '../testing/startTestRelay.js';
import { TestClient } from '../testing/TestClient.js';

let relay: TestRelay | null = null;
const clients: TestClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await relay?.close();
  relay = null;
});

describe('initial state larger than the send buffer', () => {
  it('R13/R15: a tail over the slow-reader limit is streamed at the reader’s pace, not cut with 4509', async () => {
    relay = await startTestRelay({ limits: { maxSendBufferBytes: 2 * 1024 * 1024 } });
    const admin = createTestIdentity();
    const space = await createTestSpace(relay.url, admin);
    clients.push(space.control);
    const docId = randomId();
    const [writer] = await TestClient.open(relay.url, admin, { spaceId: space.spaceId, docId });
    clients.push(writer);
    // 6 MiB of tail: three times the limit.
    const ciphertext = new Uint8Array(512 * 1024);
    for (let clock = 1; clock <= 12; clock++) {
      writer.send(buildUpdate({ author: admin, spaceId: space.spaceId, docId, clock, ciphertext }));
      await writer.expectAck(10_000);
    }
    const editor = createTestIdentity();
    await space.add(editor, Role.Viewer);
    const reader = await TestClient.connect(relay.url);
    clients.push(reader);
    // The reader is slow: it reads nothing for a while after asking for the state.
    const socket = (reader.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    const initial = reader.authenticate(editor, { spaceId: space.spaceId, docId });
    await new Promise((r) => setTimeout(r, 300));
    socket.pause();
    await new Promise((r) => setTimeout(r, 700));
    socket.resume();
    const { frames, ready } = await initial;
    expect(frames.filter((f) => f.kind === FrameKind.Update)).toHaveLength(12);
    expect(ready.tailCount).toBe(12);
    expect(reader.isClosed).toBe(false);
    expect(relay.logs.some((l) => l.includes('"closeCode":4509'))).toBe(false);
  });
});
