import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeFrame,
  encodeUpdateHeader,
  FrameKind,
  MembershipAction,
  toHex,
  type ErrorFrame,
  type MembershipFrame,
} from '@trame/protocol';
import { deriveDocKey, openContentFrame, openSealed, sealContentFrame } from '@trame/crypto';
import { MemoryCache, newDocId, Role, SpaceSession } from '@trame/sync';
import {
  collectErrors,
  createSpace,
  openDoc,
  openSpace,
  person,
  rogue,
  text,
  waitFor,
  WS,
  e2eScope,
} from './harness.js';
import { storedFrames } from './storedFrames.js';

const scope = e2eScope();
const closers = scope.closers;

/** The ROTATE entries of a space's verified log. */
function rotations(space: SpaceSession): MembershipFrame[] {
  return space.state.entries
    .map((raw) => decodeFrame(raw) as MembershipFrame)
    .filter((e) => e.action === MembershipAction.Rotate);
}

describe('MEMBERSHIP-4: removal rotates the keys', () => {
  it('MEMBERSHIP-4: removing a member starts a new epoch sealed to the others only; history stays readable; the removed member with her old keys and the relay storage reads nothing written after', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const claire = person('Claire');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    await owner.addMember(bob.identity.publicKey, Role.Editor);
    await owner.addMember(claire.identity.publicKey, Role.Editor);
    const spaceC = await openSpace(relay.url, claire, owner.spaceId);
    const claireKeys = spaceC.state.keyBundle(); // everything she ever held
    spaceC.close();
    const docId = newDocId();
    const a = openDoc(owner, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    a.doc.getText('t').insert(0, 'Avant. ');
    await a.whenSaved();
    expect(owner.state.cachedDocKeys).toBeGreaterThan(0);
    let cachedAtRotation = -1;
    owner.on('rotated', () => (cachedAtRotation = owner.state.cachedDocKeys));

    await owner.removeMember(claire.identity.publicKey);

    // R70: one entry removes her and opens epoch 1, with exactly one bundle per remaining member.
    expect(owner.state.epoch).toBe(1);
    const [rot] = rotations(owner);
    expect(rot!.subject).toEqual(claire.identity.publicKey);
    expect(new Set(rot!.sealedKeys.map((s) => toHex(s.recipient)))).toEqual(
      new Set([toHex(alice.identity.publicKey), toHex(bob.identity.publicKey)]),
    );
    for (const s of rot!.sealedKeys) expect(() => openSealed(claire.identity, s.sealed)).toThrow();
    // MEMBERSHIP-9: the derived document keys were dropped at the rotation.
    expect(cachedAtRotation).toBe(0);
    // R73: Alice's open document moves to the new key at once (a snapshot at epoch 1).
    await waitFor(() => a.status === 'saved' && !a.hasUnsavedChanges, 'Alice saved');
    a.doc.getText('t').insert(7, 'Après: rendez-vous au local.');
    await a.whenSaved();

    // Bob, loading afresh, reads the history and the new text.
    const spaceB = await openSpace(relay.url, bob, owner.spaceId);
    closers.push(() => spaceB.close());
    expect(spaceB.state.hasKey(0) && spaceB.state.hasKey(1)).toBe(true);
    const b = openDoc(spaceB, bob, docId);
    closers.push(() => b.destroy());
    await waitFor(() => text(b) === 'Avant. Après: rendez-vous au local.', 'Bob reads everything');

    // The relay's storage: the document's old-epoch snapshot and tail are gone (R73), and what is
    // left is sealed under a key Claire never had.
    await relay.stop();
    const stored = storedFrames(relay.dataDir, docId);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((f) => f.epoch === 1)).toBe(true);
    for (const f of stored) {
      for (const [epoch, key] of claireKeys) {
        expect(() => openContentFrame(f, deriveDocKey(key, docId)), `epoch ${epoch} key`).toThrow();
      }
    }
    await relay.restart();
  });

  it('MEMBERSHIP-4: the relay refuses a frame on the old epoch with STALE_EPOCH; an unacknowledged edit is sealed again under the new key', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const claire = person('Claire');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    await owner.addMember(bob.identity.publicKey, Role.Editor);
    await owner.addMember(claire.identity.publicKey, Role.Viewer);
    const docId = newDocId();
    const a = openDoc(owner, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    a.doc.getText('t').insert(0, 'Ordre du jour. ');
    await a.whenSaved();
    // Bob's client: its sends can be held, as on a slow link.
    const held = holdingWebSocket();
    const spaceB = await SpaceSession.open({
      relayUrl: relay.url,
      identity: bob.identity,
      spaceId: owner.spaceId,
      WebSocketImpl: held.WS,
    });
    closers.push(() => spaceB.close());
    const b = openDoc(spaceB, bob, docId, { WebSocketImpl: held.WS });
    closers.push(() => b.destroy());
    await waitFor(() => text(b) === 'Ordre du jour. ', 'Bob has the document');
    const errorsB = collectErrors(b);
    held.hold = true;
    b.doc.getText('t').insert(15, 'Point 1.');
    await waitFor(() => held.queued > 0, 'Bob’s UPDATE at epoch 0 is on its way');
    await owner.removeMember(claire.identity.publicKey);
    await waitFor(() => spaceB.state.epoch === 1, 'Bob applied the ROTATE');
    held.release();
    // The relay refused it (STALE_EPOCH, R23); Bob's client moved the document with a snapshot
    // under the new key that carries the edit (R73), and Alice reads it.
    await waitFor(() => text(a) === 'Ordre du jour. Point 1.', 'Alice reads Bob’s edit');
    await waitFor(() => !b.hasUnsavedChanges, 'Bob’s edit is saved');
    expect(errorsB.filter((e) => e.code !== 'STALE_EPOCH').map((e) => e.code)).toEqual([]);

    // A raw old-epoch frame is refused with the typed error.
    const r = rogue(relay.url, bob.identity, owner.spaceId, docId);
    closers.push(() => r.conn.close(1000, 'done'));
    const ready = await r.ready;
    const header = encodeUpdateHeader({
      spaceId: owner.spaceId,
      docId,
      epoch: 0,
      snapshotId: ready.snapshotId,
      author: bob.identity.publicKey,
      clock: 1,
    });
    r.conn.send(
      sealContentFrame(header, spaceB.state.docKey(0, docId), Y.encodeStateAsUpdate(new Y.Doc()), bob.identity),
    );
    await waitFor(() => r.frames.some((f) => f.kind === FrameKind.Error), 'the relay answers');
    expect((r.frames.find((f) => f.kind === FrameKind.Error) as ErrorFrame).code).toBe(3007);
  });

  it('MEMBERSHIP-4: two animateurs removing people at the same time: the loser rebuilds its ROTATE on the new head (new members, new key)', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const dan = person('Dan');
    const bob = person('Bob');
    const claire = person('Claire');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    await owner.addMember(dan.identity.publicKey, Role.Admin);
    await owner.addMember(bob.identity.publicKey, Role.Editor);
    await owner.addMember(claire.identity.publicKey, Role.Editor);
    const held = holdingWebSocket();
    const spaceD = await SpaceSession.open({
      relayUrl: relay.url,
      identity: dan.identity,
      spaceId: owner.spaceId,
      WebSocketImpl: held.WS,
    });
    closers.push(() => spaceD.close());
    await waitFor(() => spaceD.state.seq === owner.state.seq, 'Dan is up to date');
    held.hold = true;
    const danRemoves = spaceD.removeMember(claire.identity.publicKey); // signed on seq 4, held
    await waitFor(() => held.queued > 0, 'Dan’s ROTATE is on its way');
    await owner.removeMember(bob.identity.publicKey); // Alice wins seq 4
    await waitFor(() => spaceD.state.seq === owner.state.seq, 'Dan received Alice’s ROTATE');
    held.release();
    await danRemoves;
    await waitFor(() => owner.state.seq === spaceD.state.seq, 'Alice received Dan’s ROTATE');
    const [first, second] = rotations(owner);
    expect(first!.signer).toEqual(alice.identity.publicKey);
    expect(second!.signer).toEqual(dan.identity.publicKey);
    // Rebuilt on Alice's head: epoch 2, sealed to Alice and Dan only (not to Bob, removed first).
    expect(second!.epoch).toBe(2);
    expect(new Set(second!.sealedKeys.map((s) => toHex(s.recipient)))).toEqual(
      new Set([toHex(alice.identity.publicKey), toHex(dan.identity.publicKey)]),
    );
    expect([...owner.members()].map((m) => m.id).sort()).toEqual(
      [toHex(alice.identity.publicKey), toHex(dan.identity.publicKey)].sort(),
    );
    expect(owner.state.keyBundle().get(2)).toEqual(spaceD.state.keyBundle().get(2));
    expect(owner.state.keyBundle().get(1)).toEqual(spaceD.state.keyBundle().get(1));
  });

  it('MEMBERSHIP-4: a member who was offline during two rotations catches up by replaying the log', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const claire = person('Claire');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    await owner.addMember(bob.identity.publicKey, Role.Viewer);
    await owner.addMember(claire.identity.publicKey, Role.Editor);
    const cache = new MemoryCache();
    const first = await SpaceSession.open({
      relayUrl: relay.url,
      identity: bob.identity,
      spaceId: owner.spaceId,
      WebSocketImpl: WS,
      cache,
    });
    await waitFor(() => first.state.seq === owner.state.seq, 'Bob is up to date');
    first.close();
    const docId = newDocId();
    const a = openDoc(owner, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    a.doc.getText('t').insert(0, 'Tract v1. ');
    await a.whenSaved();
    await owner.removeMember(claire.identity.publicKey);
    expect(await owner.rotateKeys()).toBe(2); // renewed by hand ("Renouveler les clés")
    a.doc.getText('t').insert(10, 'Tract v2.');
    await a.whenSaved();
    const again = await SpaceSession.open({
      relayUrl: relay.url,
      identity: bob.identity,
      spaceId: owner.spaceId,
      WebSocketImpl: WS,
      cache,
    });
    closers.push(() => again.close());
    await waitFor(() => again.state.epoch === 2, 'Bob replays both rotations');
    expect([0, 1, 2].every((e) => again.state.hasKey(e))).toBe(true);
    const b = openDoc(again, bob, docId);
    closers.push(() => b.destroy());
    await waitFor(() => text(b) === 'Tract v1. Tract v2.', 'Bob reads the document');
  });
});

/** A WebSocket class whose sends can be held back and released, to stage races. */
function holdingWebSocket(): { WS: typeof WS; hold: boolean; queued: number; release(): void } {
  const queue: Array<() => void> = [];
  const ctl = {
    hold: false,
    get queued(): number {
      return queue.length;
    },
    release(): void {
      ctl.hold = false;
      for (const send of queue.splice(0)) send();
    },
    WS: WS,
  };
  const Base = WS as unknown as new (url: string, protocols?: string | string[]) => { send(data: Uint8Array): void };
  class Held extends Base {
    override send(data: Uint8Array): void {
      if (ctl.hold) queue.push(() => super.send(data));
      else super.send(data);
    }
  }
  ctl.WS = Held as unknown as typeof WS;
  return ctl;
}
