import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Role, newDocId, ready, type DocumentSession } from '@trame/sync';
import { RelayProcess } from '../scaleout/RelayProcess.js';
import { createSpace, openDoc, openSpace, person, text, waitFor } from '../e2e/harness.js';

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('graceful shutdown of the real process (SELFHOST-3)', () => {
  it('SELFHOST-3: SIGTERM while two people write: exit 0, nothing acknowledged lost, clients reconnect to the restarted server', async () => {
    await ready();
    const dataDir = mkdtempSync(join(tmpdir(), 'trame-sigterm-'));
    const server = await new RelayProcess({ dataDir }).start();
    closers.push(() => server.kill());
    const alice = person('Alice');
    const bob = person('Bob');
    const spaceA = await createSpace(server.url, alice);
    closers.push(() => spaceA.close());
    await spaceA.addMember(bob.identity.publicKey, Role.Editor);
    const spaceB = await openSpace(server.url, bob, spaceA.spaceId);
    closers.push(() => spaceB.close());
    const docId = newDocId();
    const a: DocumentSession = openDoc(spaceA, alice, docId);
    const b: DocumentSession = openDoc(spaceB, bob, docId);
    closers.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    await Promise.all([a.whenSynced(), b.whenSynced()]);

    const typed: string[] = [];
    const acked: string[] = [];
    let n = 0;
    const type = (s: DocumentSession, who: string): void => {
      const token = `[${who}${n++}]`;
      const t = s.doc.getText('t');
      t.insert(t.length, token);
      typed.push(token);
    };
    for (let i = 0; i < 20; i++) {
      type(i % 2 ? b : a, i % 2 ? 'b' : 'a');
      if (i % 5 === 4) {
        await Promise.all([a.whenSaved(), b.whenSaved()]);
        acked.push(...typed);
      }
    }
    // Both keep typing, every few milliseconds, while the process receives SIGTERM.
    let typing = true;
    const typist = (async () => {
      while (typing) {
        type(n % 2 ? b : a, n % 2 ? 'b' : 'a');
        await new Promise((r) => setTimeout(r, 3));
      }
    })();
    await new Promise((r) => setTimeout(r, 60));
    const exit = await server.stop();
    expect(exit, server.console).toBe(0);
    await waitFor(() => a.status === 'offline' && b.status === 'offline', 'both offline after SIGTERM');
    await new Promise((r) => setTimeout(r, 50));
    typing = false;
    await typist;
    // The log says it stopped in order: closed every connection, then storage.
    expect(server.log()).toMatch(/"relay\.closed"/);

    await server.start();
    await waitFor(
      () => a.status === 'saved' && b.status === 'saved' && text(a) === text(b),
      'reconnect, resend and converge',
      30_000,
    );
    for (const token of typed) expect(occurrences(text(a), token), token).toBe(1);
    // What was acknowledged before SIGTERM is on disk: a fresh reader after the restart has it all.
    const c = openDoc(spaceA, alice, docId);
    closers.push(() => c.destroy());
    await c.whenSynced();
    for (const token of acked) expect(occurrences(text(c), token), token).toBe(1);
    expect(text(c)).toBe(text(a));
  });
});
