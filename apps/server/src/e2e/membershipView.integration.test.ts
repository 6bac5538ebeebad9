import { describe, expect, it } from 'vitest';
import { MembershipAction, Role } from '@trame/protocol';
import { newDocId } from '@trame/sync';
import {
  collectErrors,
  createSpace,
  openDoc,
  openSpace,
  person,
  text,
  waitFor,
  e2eScope,
  type Person,
  type TestRelay,
} from './harness.js';
import { forgeEntry, replaceSpace, sha256, withStorage } from './hostileStorage.js';

const scope = e2eScope();
const closers = scope.closers;

/**
 * A space of Alice (admin) and Bob (editor) whose relay serves Bob one branch of the log at seq 2
 * (adding Claire) and then, for everyone else, another (adding Dominique): `bobBranch()` and
 * `aliceBranch()` rewrite its storage to each.
 */
async function twoBranches(relay: TestRelay, alice: Person, bob: Person) {
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
  const serve = (subject: Uint8Array) => () =>
    withStorage(relay, (db) => replaceSpace(db, owner.spaceId, [...base, branch(subject)], members));
  return {
    spaceId: owner.spaceId,
    bobBranch: serve(person('Claire').identity.publicKey),
    aliceBranch: serve(person('Dominique').identity.publicKey),
  };
}

describe('MEMBERSHIP-8: membership freshness', () => {
  it("MEMBERSHIP-8: a relay serving two branches of the log is caught by the view in a peer's frames", async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const space = await twoBranches(relay, alice, bob);
    // Bob is served one branch (seq 2 adds Claire)…
    await space.bobBranch();
    const spaceB = await openSpace(relay.url, bob, space.spaceId);
    closers.push(() => spaceB.close());
    await waitFor(() => spaceB.state.seq === 2, 'Bob at seq 2');
    const docId = newDocId();
    const b = openDoc(spaceB, bob, docId);
    closers.push(() => b.destroy());
    await b.whenSynced();
    const errors = collectErrors(b);
    // …and Alice another one (seq 2 adds Dominique).
    await space.aliceBranch();
    const spaceA = await openSpace(relay.url, alice, space.spaceId);
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
  it('MEMBERSHIP-8: the views in the frames of an initial state are checked too: a fork is reported on load (R39a)', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const space = await twoBranches(relay, alice, bob);
    await space.bobBranch();
    const spaceB = await openSpace(relay.url, bob, space.spaceId);
    closers.push(() => spaceB.close());
    await waitFor(() => spaceB.state.seq === 2, 'Bob at seq 2');
    spaceB.close();
    // Alice writes on her branch while Bob is away…
    await space.aliceBranch();
    const spaceA = await openSpace(relay.url, alice, space.spaceId);
    closers.push(() => spaceA.close());
    await waitFor(() => spaceA.state.seq === 2, 'Alice at seq 2');
    const docId = newDocId();
    const a = openDoc(spaceA, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    a.doc.getText('t').insert(0, 'Compte rendu');
    await a.whenSaved();
    a.destroy();
    // …and Bob, opening the document later, finds her view in the tail the relay serves.
    const b = openDoc(spaceB, bob, docId);
    closers.push(() => b.destroy());
    const errors = collectErrors(b);
    await b.whenSynced();
    await waitFor(() => errors.some((e) => e.code === 'MEMBERSHIP_FORK'), 'Bob detects the fork on load');
    expect(text(b)).toBe('Compte rendu');
  });

  it("MEMBERSHIP-8: awareness frames carry the author's view: a peer's presence alone reveals the fork (R39a)", async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const space = await twoBranches(relay, alice, bob);
    await space.bobBranch();
    const spaceB = await openSpace(relay.url, bob, space.spaceId);
    closers.push(() => spaceB.close());
    await waitFor(() => spaceB.state.seq === 2, 'Bob at seq 2');
    const docId = newDocId();
    const b = openDoc(spaceB, bob, docId);
    closers.push(() => b.destroy());
    await b.whenSynced();
    await space.aliceBranch();
    await waitFor(() => b.status === 'saved', 'Bob reconnected');
    const errors = collectErrors(b);
    const spaceA = await openSpace(relay.url, alice, space.spaceId);
    closers.push(() => spaceA.close());
    await waitFor(() => spaceA.state.seq === 2, 'Alice at seq 2');
    // Alice only opens the document: no content, only her presence reaches Bob.
    const a = openDoc(spaceA, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    await waitFor(() => b.awareness.getStates().has(a.doc.clientID), "Alice's presence at Bob's");
    await waitFor(() => errors.some((e) => e.code === 'MEMBERSHIP_FORK'), 'Bob detects the fork from awareness');
    expect(text(b)).toBe('');
  });
});
