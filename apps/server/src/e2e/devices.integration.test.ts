import { describe, expect, it } from 'vitest';
import { decodeFrame, MembershipAction, toHex, type MembershipFrame } from '@trame/protocol';
import { deriveDocKey, openContentFrame, openSealed } from '@trame/crypto';
import { decodeEntryList, generateIdentity, MemoryCache, newDocId, Role, SpaceSession, SpaceState } from '@trame/sync';
import { readPresence } from '@trame/workspace';
import { createSpace, e2eScope, openDoc, openSpace, person, rogue, text, waitFor, WS } from './harness.js';
import { storedFrames } from './storedFrames.js';

const scope = e2eScope();
const closers = scope.closers;

/** Alice (an editor, on her laptop: the person key) with her phone linked, and Bob (animateur). */
async function aliceWithPhone() {
  const relay = await scope.start();
  const bob = person('Bob');
  const alice = person('Alice');
  const phone = { ...person('Alice'), identity: generateIdentity() };
  const spaceB = await createSpace(relay.url, bob);
  closers.push(() => spaceB.close());
  await spaceB.addMember(alice.identity.publicKey, Role.Editor);
  const laptop = await openSpace(relay.url, alice, spaceB.spaceId);
  closers.push(() => laptop.close());
  await laptop.addDevice(phone.identity.publicKey);
  const phoneCache = new MemoryCache();
  const phoneSpace = await SpaceSession.open({
    relayUrl: relay.url,
    identity: phone.identity,
    spaceId: spaceB.spaceId,
    WebSocketImpl: WS,
    cache: phoneCache,
  });
  closers.push(() => phoneSpace.close());
  return { relay, alice, bob, phone, spaceB, laptop, phoneSpace, phoneCache };
}

describe('DEVICES-2: one person, several devices; cutting one off', () => {
  it('DEVICES-2: a linked phone writes as Alice with its own key; Bob sees one Alice across her two devices', async () => {
    const { alice, bob, phone, spaceB, laptop, phoneSpace } = await aliceWithPhone();
    const aliceId = toHex(alice.identity.publicKey);
    const phoneId = toHex(phone.identity.publicKey);
    expect(phoneSpace.myRole).toBe(Role.Editor);
    expect(phoneSpace.state.myPerson).toBe(aliceId);
    const docId = newDocId();
    const p = openDoc(phoneSpace, phone, docId, { user: { name: 'Alice', color: '#aa3366' } });
    closers.push(() => p.destroy());
    const l = openDoc(laptop, alice, docId, { user: { name: 'Alice', color: '#aa3366' } });
    closers.push(() => l.destroy());
    await p.whenSynced();
    p.doc.getText('t').insert(0, 'Écrit au téléphone. ');
    await p.whenSaved();
    const b = openDoc(spaceB, bob, docId);
    closers.push(() => b.destroy());
    await waitFor(() => text(b) === 'Écrit au téléphone. ', 'Bob reads the phone');
    expect(spaceB.personOf(phoneId)).toBe(aliceId);
    expect(spaceB.members().map((m) => m.id)).not.toContain(phoneId);
    const bobId = toHex(bob.identity.publicKey);
    await waitFor(() => b.awareness.getStates().size >= 3, 'both of Alice devices present at Bob');
    const people = readPresence(b.awareness, bobId, (id) => spaceB.personOf(id));
    expect(people.map((x) => [x.id, x.name])).toEqual([
      [bobId, 'Bob'],
      [aliceId, 'Alice'],
    ]);
  });

  it('DEVICES-2: removing the phone closes its sockets (4403), refuses its next AUTH and its writes, renews the keys without it, and a document written afterwards opens with nothing the phone kept', async () => {
    const { relay, alice, bob, phone, spaceB, laptop, phoneSpace, phoneCache } = await aliceWithPhone();
    const docId = newDocId();
    const l = openDoc(laptop, alice, docId);
    closers.push(() => l.destroy());
    await l.whenSynced();
    l.doc.getText('t').insert(0, 'Avant le retrait. ');
    await l.whenSaved();
    // The phone has a document open (and its space connection) when it is seized.
    const p = openDoc(phoneSpace, phone, docId, { cache: phoneCache });
    closers.push(() => p.destroy());
    await waitFor(() => text(p) === 'Avant le retrait. ', 'the phone reads the document');
    await p.saveNow(); // the phone keeps a copy of what it read
    const open = rogue(relay.url, phone.identity, spaceB.spaceId, docId);
    closers.push(() => open.conn.close());
    await open.ready;
    const epoch = laptop.epoch;

    const newEpoch = await laptop.removeDevice(phone.identity.publicKey);

    // R33/R98: its open sockets are closed at once with 4403.
    expect((await open.closed).code).toBe(4403);
    await waitFor(() => phoneSpace.myRole === Role.None, 'the phone sees its removal');
    // R96/R99: the keys were renewed, sealed to every key left and never to the phone.
    expect(newEpoch).toBe(epoch + 1);
    const entries = laptop.state.entries.map((raw) => decodeFrame(raw) as MembershipFrame);
    const [removal, rotation] = entries.slice(-2);
    expect([removal!.action, rotation!.action]).toEqual([MembershipAction.DeviceRemove, MembershipAction.Rotate]);
    expect(new Set(rotation!.sealedKeys.map((s) => toHex(s.recipient)))).toEqual(
      new Set([toHex(alice.identity.publicKey), toHex(bob.identity.publicKey)]),
    );
    for (const s of rotation!.sealedKeys) expect(() => openSealed(phone.identity, s.sealed)).toThrow();
    await waitFor(() => spaceB.epoch === newEpoch, 'Bob holds the new epoch');

    // R98: its next AUTH is refused; it cannot write.
    await expect(
      SpaceSession.open({ relayUrl: relay.url, identity: phone.identity, spaceId: spaceB.spaceId, WebSocketImpl: WS }),
    ).rejects.toMatchObject({ code: 'NOT_A_MEMBER' });
    const again = rogue(relay.url, phone.identity, spaceB.spaceId, docId);
    closers.push(() => again.conn.close());
    expect((await again.closed).code).toBe(4403);
    // What the seized phone types now is never stored (its document connection was closed).
    p.doc.getText('t').insert(0, 'Du téléphone saisi. ');

    // Written after the removal…
    await waitFor(() => l.keyEpoch === newEpoch, 'the document moved to the new key');
    l.doc.getText('t').insert(l.doc.getText('t').length, 'Après : rendez-vous au local.');
    await l.whenSaved();
    await relay.stop();
    const stored = storedFrames(relay.dataDir, docId);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((f) => f.epoch === newEpoch)).toBe(true);
    expect(stored.some((f) => toHex(f.author) === toHex(phone.identity.publicKey))).toBe(false);
    expect(text(l)).not.toContain('saisi');
    // …is unreadable with everything the phone stored: its key, its cached log (re-verified to
    // recover every space key it ever held) and its cached document.
    const kept = new SpaceState(spaceB.spaceId, phone.identity);
    const cachedLog = phoneCache.entries.get(`space:${toHex(spaceB.spaceId)}`);
    expect(cachedLog).toBeDefined();
    for (const raw of decodeEntryList(cachedLog!)) kept.apply(raw);
    const keys = kept.keyBundle();
    expect(keys.size).toBeGreaterThan(0);
    expect(keys.has(newEpoch)).toBe(false);
    for (const f of stored) {
      for (const [e, key] of keys) {
        expect(() => openContentFrame(f, deriveDocKey(key, docId)), `epoch ${e} key`).toThrow();
      }
    }
    const everything = Buffer.concat([...phoneCache.entries.values()].map((v) => Buffer.from(v)));
    expect(everything.includes(Buffer.from('Avant le retrait'))).toBe(true); // the scan sees what it kept
    expect(everything.includes(Buffer.from('rendez-vous au local'))).toBe(false);
    await relay.restart();
  });
});
