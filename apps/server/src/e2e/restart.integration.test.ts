import { describe, expect, it } from 'vitest';
import { Role, newDocId, type DocumentSession } from '@trame/sync';
import { createSpace, openDoc, openSpace, person, text, waitFor, e2eScope } from './harness.js';

const scope = e2eScope();
const closers = scope.closers;

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('relay restart mid-edit (issue test 3)', () => {
  it('loses nothing acknowledged, reconnects, and delivers offline edits exactly once', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const spaceA = await createSpace(relay.url, alice);
    closers.push(() => spaceA.close());
    await spaceA.addMember(bob.identity.publicKey, Role.Editor);
    const spaceB = await openSpace(relay.url, bob, spaceA.spaceId);
    closers.push(() => spaceB.close());
    const docId = newDocId();
    const a: DocumentSession = openDoc(spaceA, alice, docId, { compaction: { afterUpdates: 20, afterBytes: 1 << 20 } });
    const b: DocumentSession = openDoc(spaceB, bob, docId);
    closers.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    await Promise.all([a.whenSynced(), b.whenSynced()]);

    const acked: string[] = [];
    const typed: string[] = [];
    const type = (s: DocumentSession, token: string): void => {
      const t = s.doc.getText('t');
      t.insert(t.length, token);
      typed.push(token);
    };
    // Phase 1: both type; every token acknowledged so far must survive.
    for (let i = 0; i < 30; i++) {
      type(i % 2 ? b : a, `[${i % 2 ? 'b' : 'a'}${i}]`);
      if (i % 5 === 4) {
        await Promise.all([a.whenSaved(), b.whenSaved()]);
        acked.push(...typed.splice(0));
      }
    }
    // Phase 2: the relay stops while Alice is typing (some edits in flight, some pending).
    for (let i = 30; i < 40; i++) type(a, `[a${i}]`);
    const stopping = relay.stop();
    for (let i = 40; i < 50; i++) type(a, `[a${i}]`);
    await stopping;
    await waitFor(() => a.status === 'offline' && b.status === 'offline', 'both offline');
    // Phase 3: offline edits on both sides.
    for (let i = 50; i < 60; i++) type(i % 2 ? b : a, `[${i % 2 ? 'b' : 'a'}${i}]`);
    await relay.restart();
    await waitFor(
      () => a.status === 'saved' && b.status === 'saved' && text(a) === text(b),
      'reconnect and converge',
      30_000,
    );
    const all = [...acked, ...typed];
    for (const token of all) expect(occurrences(text(a), token), token).toBe(1);
    // And it is the relay's durable state: a fresh session reads the same text.
    const c = openDoc(spaceA, alice, docId);
    closers.push(() => c.destroy());
    await c.whenSynced();
    expect(text(c)).toBe(text(a));
  });
});
