import { describe, expect, it } from 'vitest';
import { MembershipAction, Role } from '@trame/protocol';
import { newDocId } from '@trame/sync';
import { collectErrors, createSpace, openDoc, openSpace, person, text, waitFor, e2eScope } from './harness.js';
import { forgeEntry, replaceSpace, sha256, withStorage } from './hostileStorage.js';

const scope = e2eScope();
const closers = scope.closers;

describe('MEMBERSHIP-8: membership freshness', () => {
  it('MEMBERSHIP-8: a relay serving two branches of the log is caught by the view in a peer\'s frames', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const owner = await createSpace(relay.url, alice);
    await owner.addMember(bob.identity.publicKey, Role.Editor);
    const base = owner.state.entries.slice(0, 2);
    const branch = (subject: Uint8Array): Uint8Array =>
      forgeEntry(alice.identity, {
        spaceId: owner.spaceId,
        seq: 2,
        prevHash: sha256(base[1]!),
        action: MembershipAction.Add,
        subject,
        role: Role.Viewer,
        epoch: 0,
      });
    const members: Array<[Uint8Array, Role]> = [
      [alice.identity.publicKey, Role.Admin],
      [bob.identity.publicKey, Role.Editor],
    ];
    owner.close();
    // Bob is served one branch (seq 2 adds Claire)…
    await withStorage(relay, (db) => replaceSpace(db, owner.spaceId, [...base, branch(person('Claire').identity.publicKey)], members));
    const spaceB = await openSpace(relay.url, bob, owner.spaceId);
    closers.push(() => spaceB.close());
    await waitFor(() => spaceB.state.seq === 2, 'Bob at seq 2');
    const docId = newDocId();
    const b = openDoc(spaceB, bob, docId);
    closers.push(() => b.destroy());
    await b.whenSynced();
    const errors = collectErrors(b);
    // …and Alice another one (seq 2 adds Dominique).
    await withStorage(relay, (db) => replaceSpace(db, owner.spaceId, [...base, branch(person('Dominique').identity.publicKey)], members));
    const spaceA = await openSpace(relay.url, alice, owner.spaceId);
    closers.push(() => spaceA.close());
    await waitFor(() => spaceA.state.seq === 2, 'Alice at seq 2');
    await waitFor(() => b.status === 'saved', 'Bob reconnected');
    const a = openDoc(spaceA, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    a.doc.getText('t').insert(0, 'Ordre du jour');
    await a.whenSaved();
    await waitFor(() => errors.some((e) => e.code === 'MEMBERSHIP_FORK'), 'Bob detects the fork');
    expect(text(b)).toBe('Ordre du jour'); // the content itself is signed and readable
  });
});
