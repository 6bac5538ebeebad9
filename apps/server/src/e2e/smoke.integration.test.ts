import { describe, expect, it } from 'vitest';
import { Role, newDocId, type DocumentSession, type SpaceSession } from '@trame/sync';
import { createSpace, openDoc, openSpace, person, text, waitFor, e2eScope } from './harness.js';

const scope = e2eScope();
const closers = scope.closers;

describe('smoke', () => {
  it('two members co-edit one encrypted document through the relay', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const spaceA: SpaceSession = await createSpace(relay.url, alice);
    closers.push(() => spaceA.close());
    await spaceA.addMember(bob.identity.publicKey, Role.Editor);
    const spaceB = await openSpace(relay.url, bob, spaceA.spaceId);
    closers.push(() => spaceB.close());
    const docId = newDocId();
    const a: DocumentSession = openDoc(spaceA, alice, docId);
    const b: DocumentSession = openDoc(spaceB, bob, docId);
    closers.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    a.doc.getText('t').insert(0, 'Bonjour ');
    b.doc.getText('t').insert(0, 'Salut ');
    await waitFor(() => text(a) === text(b) && text(a).length === 14, 'convergence');
    await Promise.all([a.whenSaved(), b.whenSaved()]);
    expect(text(a)).toContain('Bonjour');
    expect(text(a)).toContain('Salut');
  });
});
