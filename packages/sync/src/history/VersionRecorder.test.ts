import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { VersionDraft } from './HistoryClient.js';
import { VersionRecorder } from './VersionRecorder.js';

const ME = 'a'.repeat(64);
const BOB = 'b'.repeat(64);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function recorder(doc: Y.Doc, owners?: Map<number, string>) {
  const saved: VersionDraft[] = [];
  const awareness = owners
    ? ({
        getStates: () => new Map([...owners].map(([c, id]) => [c, { user: { id } }])),
        on: () => {},
        off: () => {},
      } as never)
    : undefined;
  const r = new VersionRecorder({
    doc,
    ...(awareness ? { awareness } : {}),
    selfId: ME,
    canWrite: () => true,
    history: { save: async (d) => (saved.push(d), `v${saved.length}`) },
    policy: { idleMs: 120_000, maxSessionMs: 900_000 },
    now: () => Date.now(),
  });
  return { r, saved };
}

describe('R114: versions are sessions of work, not keystrokes', () => {
  it('HISTORY-1: many keystrokes then two idle minutes make one version', async () => {
    const doc = new Y.Doc();
    const { saved } = recorder(doc);
    for (let i = 0; i < 50; i++) {
      doc.getText('t').insert(i, 'x');
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(saved.length).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(saved.length).toBe(1);
    expect(saved[0]!.authors).toEqual([ME]);
    expect(saved[0]!.endAt - saved[0]!.startAt).toBeGreaterThanOrEqual(169_000);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(saved.length).toBe(1);
  });

  it('HISTORY-1: continuous editing records a version every maxSessionMs', async () => {
    const doc = new Y.Doc();
    const { saved } = recorder(doc);
    for (let i = 0; i < 40 * 60; i++) {
      doc.getText('t').insert(0, 'y');
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(saved.length).toBe(2);
  });

  it('HISTORY-1: lists the others whose edits arrived, and records on leaving', async () => {
    const doc = new Y.Doc();
    const peer = new Y.Doc();
    const { r, saved } = recorder(doc, new Map([[peer.clientID, BOB]]));
    peer.getText('t').insert(0, 'Bob ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    // Remote edits alone record nothing here.
    await vi.advanceTimersByTimeAsync(300_000);
    expect(saved.length).toBe(0);
    doc.getText('t').insert(4, 'et moi');
    await r.stop();
    expect(saved.length).toBe(1);
    expect(saved[0]!.authors).toEqual([ME, BOB]);
  });
});
