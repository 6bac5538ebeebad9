import { afterEach, describe, expect, it } from 'vitest';
import { Role, ZERO_HASH } from '@trame/protocol';
import { storedChainLink } from '../checks/storedChainLink.js';
import { buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { createTestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay } from '../testing/startTestRelay.js';
import { TestClient } from '../testing/TestClient.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('R80 with remembered links (R117)', () => {
  it('R117: an UPDATE is checked against its author previous link whether the relay remembers it or reads it back after a restart', async () => {
    const first: TestRelay = await startTestRelay();
    const admin = createTestIdentity();
    const editor = createTestIdentity();
    const space = await createTestSpace(first.url, admin);
    await space.add(editor, Role.Editor);
    await space.control.close();
    const { spaceId } = space;
    const docId = randomId();
    const update = (clock: number, prevLink: Uint8Array): Uint8Array =>
      buildUpdate({ author: editor, spaceId, docId, clock, prevLink });

    const [c] = await TestClient.open(first.url, editor, { spaceId, docId });
    const u1 = update(1, ZERO_HASH);
    c.send(u1);
    await c.expectAck();
    const u2 = update(2, storedChainLink(u1));
    c.send(u2);
    await c.expectAck();
    // Remembered: clock 3 must name u2's link; u1's is refused, and the refusal is not remembered.
    c.send(update(3, storedChainLink(u1)));
    await c.expectError('CHAIN_MISMATCH');
    await c.close();
    await first.stop();

    // A new process remembers nothing: the stored u2 is read back and hashed.
    const second = await startTestRelay({ dataDir: first.dataDir });
    cleanups.push(() => second.close());
    const [d] = await TestClient.open(second.url, editor, { spaceId, docId });
    cleanups.push(() => d.close());
    d.send(update(3, storedChainLink(u1)));
    await d.expectError('CHAIN_MISMATCH');
    const u3 = update(3, storedChainLink(u2));
    d.send(u3);
    expect((await d.expectAck()).number).toBe(3);
    d.send(update(4, storedChainLink(u2)));
    await d.expectError('CHAIN_MISMATCH');
    d.send(update(4, storedChainLink(u3)));
    expect((await d.expectAck()).number).toBe(4);
  });
});
