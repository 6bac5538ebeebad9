import { describe, expect, it } from 'vitest';
import { FrameKind } from '@trame/protocol';
import { newDocId } from '@trame/sync';
import { collectErrors, countFrames, createSpace, openDoc, person, text, e2eScope } from './harness.js';

const scope = e2eScope();
const closers = scope.closers;

describe('forced compaction (R65)', () => {
  it('R65: a client whose own bound is far away compacts when the relay says COMPACTION_REQUIRED, and loses nothing', async () => {
    const relay = await scope.start({ limits: { maxTailUpdates: 10 } });
    const alice = person('Alice');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    const docId = newDocId();
    // Its own compaction would wait for 10,000 updates: only the relay's bound can trigger it.
    const writer = openDoc(space, alice, docId, { compaction: { afterUpdates: 10_000, afterBytes: 1 << 30 } });
    closers.push(() => writer.destroy());
    const errors = collectErrors(writer);
    await writer.whenSynced();
    const t = writer.doc.getText('t');
    for (let i = 0; i < 35; i++) {
      t.insert(t.length, `[${i}]`);
      await writer.whenSaved();
    }
    expect(errors.map((e) => e.code)).toEqual([]);
    const reader = openDoc(space, alice, docId, { headStore: person('fresh').heads });
    closers.push(() => reader.destroy());
    const loaded = countFrames(reader);
    await reader.whenSynced();
    // The relay's copy was compacted: a snapshot and a short tail, not 35 updates.
    expect(loaded.get(FrameKind.Snapshot)).toBe(1);
    expect(loaded.get(FrameKind.Update) ?? 0).toBeLessThan(10);
    expect(text(reader)).toBe(text(writer));
    for (let i = 0; i < 35; i++) expect(text(reader)).toContain(`[${i}]`);
  });
});
