import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeFrame, encodeUpdateHeader, FrameKind, MembershipAction, type MembershipFrame } from '@trame/protocol';
import { sealContentFrame, sealKeyBundle, signMembershipEntry } from '@trame/crypto';
import { newDocId, Role, type SpaceSession } from '@trame/sync';
import {
  collectErrors,
  createSpace,
  openDoc,
  openSpace,
  person,
  rogue,
  text,
  waitFor,
  e2eScope,
  type Person,
} from './harness.js';
import { withStorage } from './hostileStorage.js';

const scope = e2eScope();
const closers = scope.closers;
const SPACE_LEVEL = new Uint8Array(16);

/** Mallory, an admin, appends an entry she built herself on the space's head. */
async function appendAs(url: string, mallory: Person, space: SpaceSession, entry: Uint8Array): Promise<void> {
  const c = rogue(url, mallory.identity, space.spaceId, SPACE_LEVEL);
  closers.push(() => c.conn.close(1000, 'done'));
  await c.ready;
  c.conn.send(entry);
  await waitFor(
    () => c.frames.some((f) => f.kind === FrameKind.Ack || f.kind === FrameKind.Error),
    'the relay answers',
  );
  expect(c.frames.some((f) => f.kind === FrameKind.Ack)).toBe(true);
}

/** ADD of `subject` at the head of `space`, signed by `signer`, carrying `sealed` as its bundle. */
function addWith(space: SpaceSession, signer: Person, subject: Person, sealed: Uint8Array): Uint8Array {
  return signMembershipEntry(
    {
      spaceId: space.spaceId,
      seq: space.state.seq + 1,
      prevHash: space.state.headHash,
      signer: signer.identity.publicKey,
      action: MembershipAction.Add,
      subject: subject.identity.publicKey,
      role: Role.Editor,
      epoch: space.state.epoch,
      sealedKeys: [{ recipient: subject.identity.publicKey, sealed }],
    },
    signer.identity,
  );
}

describe('MEMBERSHIP-2: sealed bundles bind their context and match a key commitment', () => {
  it('MEMBERSHIP-2: a bundle moved from another entry is refused with KEY_BUNDLE_MISMATCH; no key is taken or replaced', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const mallory = person('Mallory (animatrice hostile)');
    const nina = person('Nina');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    await owner.addMember(mallory.identity.publicKey, Role.Admin);
    await owner.addMember(nina.identity.publicKey, Role.Editor);
    const ninaAdd = decodeFrame(owner.state.entries.at(-1)!) as MembershipFrame;
    await owner.removeMember(nina.identity.publicKey); // epoch 1, Nina has no key for it
    // Mallory adds Nina back with the bundle of Nina's first ADD (epoch 0 only, seq 2).
    await appendAs(relay.url, mallory, owner, addWith(owner, mallory, nina, ninaAdd.sealedKeys[0]!.sealed));
    await waitFor(
      () => owner.state.roleOf(Buffer.from(nina.identity.publicKey).toString('hex')) === Role.Editor,
      'the ADD is in the log',
    );

    const spaceN = await openSpace(relay.url, nina, owner.spaceId);
    closers.push(() => spaceN.close());
    await waitFor(() => spaceN.state.seq === owner.state.seq, 'Nina has the whole log');
    expect(spaceN.state.refusedBundles.map((e) => e.code)).toEqual(['KEY_BUNDLE_MISMATCH']);
    expect(spaceN.state.refusedBundles[0]!.message).toMatch(/seq 2/);
    // Her first ADD gave her epoch 0 (the real key); the moved bundle gave nothing.
    expect(spaceN.state.keyBundle().get(0)).toEqual(owner.state.keyBundle().get(0));
    expect(spaceN.state.hasKey(1)).toBe(false);
  });

  it('MEMBERSHIP-2: a bundle whose key does not match its epoch’s commitment is refused with KEY_COMMITMENT_MISMATCH; the newcomer never writes under that key', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const mallory = person('Mallory (animatrice hostile)');
    const nina = person('Nina');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    await owner.addMember(mallory.identity.publicKey, Role.Admin);
    const docId = newDocId();
    const a = openDoc(owner, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    a.doc.getText('t').insert(0, 'Notes juridiques');
    await a.whenSaved();
    // Mallory seals Nina a key of her own for epoch 0, in a bundle made for exactly this entry.
    const mine = new Uint8Array(randomBytes(32));
    const sealed = sealKeyBundle(
      {
        spaceId: owner.spaceId,
        seq: owner.state.seq + 1,
        recipient: nina.identity.publicKey,
        epoch: owner.state.epoch,
      },
      new Map([[0, mine]]),
    );
    await appendAs(relay.url, mallory, owner, addWith(owner, mallory, nina, sealed));

    const spaceN = await openSpace(relay.url, nina, owner.spaceId);
    closers.push(() => spaceN.close());
    await waitFor(() => spaceN.state.seq === owner.state.seq, 'Nina has the whole log');
    expect(spaceN.state.refusedBundles.map((e) => e.code)).toEqual(['KEY_COMMITMENT_MISMATCH']);
    expect(spaceN.state.hasKey(0)).toBe(false);
    // She cannot write under Mallory's key: her document reports NO_KEY, nothing is sent.
    const n = openDoc(spaceN, nina, docId);
    closers.push(() => n.destroy());
    const docErrors = collectErrors(n);
    await waitFor(
      () => docErrors.some((e) => e.code === 'NO_KEY' || e.code === 'SNAPSHOT_UNREADABLE'),
      'Nina sees she has no key',
    );
    expect(text(n)).toBe('');
  });
});

describe('MEMBERSHIP-5: a frame at epoch e only from a writer of e', () => {
  it('MEMBERSHIP-5: a demoted member the relay lets write again is not trusted at an epoch where she was no writer, even in a fresh load (R74)', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const claire = person('Claire');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    await owner.addMember(bob.identity.publicKey, Role.Viewer);
    await owner.addMember(claire.identity.publicKey, Role.Editor);
    await owner.setRole(claire.identity.publicKey, Role.Viewer);
    await owner.rotateKeys(); // epoch 1, sealed to Claire too (a viewer reads)
    const docId = newDocId();
    const a = openDoc(owner, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    a.doc.getText('t').insert(0, 'Compte rendu');
    await a.whenSaved();
    a.destroy();
    const spaceC = await openSpace(relay.url, claire, owner.spaceId);
    const claireKey = spaceC.state.docKey(1, docId);
    spaceC.close();
    // The operator makes her an editor again in its own tables.
    await withStorage(relay, (db) =>
      db
        .prepare('UPDATE members SET role = ? WHERE space_id = ? AND identity = ?')
        .run(Role.Editor, Buffer.from(owner.spaceId), Buffer.from(claire.identity.publicKey)),
    );
    const c = rogue(relay.url, claire.identity, owner.spaceId, docId);
    closers.push(() => c.conn.close(1000, 'done'));
    const ready = await c.ready;
    const evil = new Y.Doc();
    evil.getText('t').insert(0, 'RDV annulé. ');
    const header = encodeUpdateHeader({
      spaceId: owner.spaceId,
      docId,
      epoch: 1,
      snapshotId: ready.snapshotId,
      author: claire.identity.publicKey,
      clock: 1,
    });
    c.conn.send(sealContentFrame(header, claireKey, Y.encodeStateAsUpdate(evil), claire.identity));
    await waitFor(() => c.frames.some((f) => f.kind === FrameKind.Ack), 'the hostile relay stores it');
    // Bob loads the document afresh: her frame is in the initial state, and refused.
    const spaceB = await openSpace(relay.url, bob, owner.spaceId);
    closers.push(() => spaceB.close());
    const b = openDoc(spaceB, bob, docId);
    closers.push(() => b.destroy());
    const errors = collectErrors(b);
    await waitFor(() => text(b) === 'Compte rendu', 'Bob reads the document');
    await waitFor(() => errors.some((e) => e.code === 'UNTRUSTED_AUTHOR'), 'Bob refuses her frame');
    expect(text(b)).toBe('Compte rendu');
  });
});
