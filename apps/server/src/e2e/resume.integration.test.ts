import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FrameKind } from '@trame/protocol';
import { Role, newDocId } from '@trame/sync';
import {
  collectErrors,
  countFrames,
  createSpace,
  e2eScope,
  openDoc,
  openSpace,
  person,
  text,
  waitFor,
} from './harness.js';

const scope = e2eScope();
const closers = scope.closers;

/** `tailSkipped` of every `connection.ready` line of the relay's log, in order. */
function tailSkips(logFile: string): number[] {
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"connection.ready"') && l.includes('"tailSkipped"'))
    .map((l) => (JSON.parse(l) as { tailSkipped: number }).tailSkipped);
}

/** Waits until `doc` has received no frame of `kind` for `ms`. */
async function quiet(doc: Parameters<typeof countFrames>[0], kind: FrameKind, ms: number): Promise<void> {
  const seen = countFrames(doc);
  let last = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, ms));
    const now = seen.get(kind) ?? 0;
    if (now === last) return;
    last = now;
  }
}

describe('reconnecting without the tail one holds (R48)', () => {
  it('a client that drops and comes back gets only what it lacks, and converges with no error', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    await owner.addMember(bob.identity.publicKey, Role.Editor);
    const bobSpace = await openSpace(relay.url, bob, owner.spaceId);
    closers.push(() => bobSpace.close());
    const docId = newDocId();
    const a = openDoc(owner, alice, docId);
    const b = openDoc(bobSpace, bob, docId);
    closers.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    const errors = [...collectErrors(a), ...collectErrors(b)];
    const bobErrors = collectErrors(b);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    // Both type: Bob's tail holds both authors' updates, his own acknowledged ones included.
    for (let i = 0; i < 30; i++) {
      a.doc.getText('t').insert(0, `a${i} `);
      b.doc.getText('t').insert(0, `b${i} `);
      await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(() => text(a) === text(b) && text(a).length > 100, 'first convergence');
    await Promise.all([a.whenSaved(), b.whenSaved()]);

    await waitFor(() => a.awareness.getStates().has(b.doc.clientID), 'Bob’s presence at Alice');
    await waitFor(() => b.awareness.getStates().has(a.doc.clientID), 'Alice’s presence at Bob');
    // Each answers the other's arrival once, 50-250 ms later: let those answers go out first,
    // or Bob's would leave on the reconnect and be counted below.
    await quiet(a, FrameKind.Ephemeral, 400);
    b.disconnect();
    for (let i = 0; i < 10; i++) a.doc.getText('t').insert(0, `late${i} `);
    await a.whenSaved();
    const frames = countFrames(b);
    const atAlice = countFrames(a);
    b.connect();
    await waitFor(() => text(a) === text(b), 'convergence after the reconnect');
    // Bob's unchanged presence is not announced again (Alice still holds it): no signature
    // for her to verify, however many people reconnect at once.
    await new Promise((r) => setTimeout(r, 200));
    expect(atAlice.get(FrameKind.Ephemeral) ?? 0).toBe(0);
    expect(a.awareness.getStates().has(b.doc.clientID)).toBe(true);
    // A change of presence still goes out at once.
    b.awareness.setLocalStateField('cursor', { anchor: 1 });
    await waitFor(() => (atAlice.get(FrameKind.Ephemeral) ?? 0) > 0, 'Bob’s new cursor at Alice');
    // Only Alice's updates made while Bob was away came back (she coalesces some of them).
    const updates = frames.get(FrameKind.Update) ?? 0;
    expect(updates).toBeGreaterThan(0);
    expect(updates).toBeLessThanOrEqual(10);
    const skips = tailSkips(relay.logFile);
    expect(skips.at(-1)).toBeGreaterThan(0);
    expect(errors.concat(bobErrors)).toEqual([]);

    // Edits keep flowing both ways after the resume.
    b.doc.getText('t').insert(0, 'after ');
    await waitFor(() => text(a).startsWith('after '), 'Bob’s edit after the resume');
  });
});
