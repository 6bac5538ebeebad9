import { describe, expect, it } from 'vitest';
import { FrameKind } from '@trame/protocol';
import { LIMITS } from '@trame/protocol';
import { newDocId } from '@trame/sync';
import { countFrames, createSpace, openDoc, person, text, e2eScope } from './harness.js';

const scope = e2eScope();
const closers = scope.closers;

describe('cold load after a long history (issue test 5, R46)', () => {
  it('a client joining after 5,000 updates receives one snapshot and a short tail', async () => {
    // A bulk writer: lift the per-connection rate limit so the test measures history, not pacing.
    const relay = await scope.start({ limits: { framesPerSecond: 100_000, frameBurst: 100_000 } });
    const alice = person('Alice');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    const docId = newDocId();
    const writer = openDoc(space, alice, docId, { minUpdateIntervalMs: 0 });
    const sent = countFrames(writer);
    closers.push(() => writer.destroy());
    await writer.whenSynced();
    let acked = 0;
    writer.engine.on('saved', () => acked++);
    const t = writer.doc.getText('t');
    for (let i = 0; i < 5000; i++) {
      t.insert(t.length, i % 10 === 9 ? '\n' : String(i % 10));
      // One edit per acknowledged UPDATE: 5,000 separate updates reach the relay.
      await writer.whenSaved();
    }
    expect(acked).toBeGreaterThanOrEqual(5000);
    expect(sent.get(FrameKind.Ack)).toBeGreaterThanOrEqual(5000);
    const reader = openDoc(space, alice, docId, { headStore: person('fresh').heads });
    const frames = countFrames(reader);
    closers.push(() => reader.destroy());
    await reader.whenSynced();
    expect(text(reader)).toBe(text(writer));
    expect(text(reader).length).toBe(5000);
    expect(frames.get(FrameKind.Snapshot)).toBe(1);
    const tail = frames.get(FrameKind.Update) ?? 0;
    expect(tail).toBeLessThan(LIMITS.compactAfterUpdates + 2);
  });
});
