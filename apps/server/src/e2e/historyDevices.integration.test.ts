import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentity, Role, SpaceSession, newDocId, toHex } from '@trame/sync';
import { createSpace, e2eScope, openSpace, person, WS } from './harness.js';
import { historyOf } from './historyHarness.js';

const scope = e2eScope();
const closers = scope.closers;

describe('HISTORY-1 with linked devices (DEVICES-2)', () => {
  it('HISTORY-1: a version written on a linked device verifies for the others and belongs to its person', async () => {
    const relay = await scope.start();
    const bob = person('Bob');
    const alice = person('Alice');
    const phone = generateIdentity();
    const spaceB = await createSpace(relay.url, bob);
    closers.push(() => spaceB.close());
    await spaceB.addMember(alice.identity.publicKey, Role.Editor);
    const laptop = await openSpace(relay.url, alice, spaceB.spaceId);
    closers.push(() => laptop.close());
    await laptop.addDevice(phone.publicKey);
    const phoneSpace = await SpaceSession.open({
      relayUrl: relay.url,
      identity: phone,
      spaceId: spaceB.spaceId,
      WebSocketImpl: WS,
    });
    closers.push(() => phoneSpace.close());
    const docId = newDocId();
    const d = new Y.Doc();
    d.getText('t').insert(0, 'Écrit au téléphone');
    const id = await historyOf(phoneSpace, docId).save({
      state: Y.encodeStateAsUpdate(d),
      startAt: 1,
      endAt: 2,
      authors: [toHex(phone.publicKey)],
    });
    const [v] = await historyOf(spaceB, docId).list();
    expect(v!.id).toBe(id);
    expect(v!.createdBy).toBe(toHex(phone.publicKey));
    expect(spaceB.personOf(v!.createdBy)).toBe(toHex(alice.identity.publicKey));
  });
});
