import { describe, expect, it } from 'vitest';
import { randomBytes } from '@trame/crypto';
import { EncryptedCache, MemoryCache, PersistentHeadStore, Role, SpaceSession, newDocId } from '@trame/sync';
import { openDoc, person, text, waitFor, WS, e2eScope } from './harness.js';

const scope = e2eScope();
const closers = scope.closers;

describe('encrypted local cache: open and edit offline, sync when back', () => {
  it('reopens a document without the relay, keeps offline edits across a reload, and delivers them once', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const device = new MemoryCache(); // what IndexedDB holds in a browser
    const cache = new EncryptedCache(device, randomBytes(32)); // the device key lives in IndexedDB
    const heads = await PersistentHeadStore.load(cache);
    const opts = { relayUrl: relay.url, identity: alice.identity, WebSocketImpl: WS, cache };
    const docId = newDocId();

    // Session 1, online.
    let space = await SpaceSession.create(opts);
    await space.addMember(bob.identity.publicKey, Role.Editor);
    const spaceId = space.spaceId;
    let doc = openDoc(space, alice, docId, { cache, headStore: heads });
    await doc.whenSynced();
    doc.doc.getText('t').insert(0, 'Compte rendu');
    await doc.whenSaved();
    await doc.saveNow();
    doc.destroy();
    space.close();

    // Session 2, after a reload, with the relay down: the space and the document open from
    // the cache and accept edits.
    await relay.stop();
    space = await SpaceSession.open({ ...opts, spaceId });
    doc = openDoc(space, alice, docId, { cache, headStore: heads });
    await doc.whenLoaded();
    expect(text(doc)).toBe('Compte rendu');
    doc.doc.getText('t').insert(text(doc).length, ' — rédigé hors ligne');
    await doc.saveNow();
    doc.destroy();
    space.close();

    // The device store holds ciphertext only.
    for (const [name, bytes] of device.entries) {
      expect(Buffer.from(bytes).includes(Buffer.from('rédigé hors ligne')), name).toBe(false);
      expect(Buffer.from(bytes).includes(Buffer.from('Compte rendu')), name).toBe(false);
    }

    // Session 3: the relay is back; the offline edit reaches it, once.
    await relay.restart();
    space = await SpaceSession.open({ ...opts, spaceId });
    closers.push(() => space.close());
    doc = openDoc(space, alice, docId, { cache, headStore: heads });
    closers.push(() => doc.destroy());
    await doc.whenSynced();
    await doc.whenSaved();
    const bobSpace = await SpaceSession.open({
      relayUrl: relay.url,
      identity: bob.identity,
      WebSocketImpl: WS,
      spaceId,
    });
    closers.push(() => bobSpace.close());
    const b = openDoc(bobSpace, bob, docId);
    closers.push(() => b.destroy());
    await waitFor(() => text(b) === 'Compte rendu — rédigé hors ligne', 'Bob reads the offline edit');
    expect(text(doc)).toBe(text(b));
  });
});
