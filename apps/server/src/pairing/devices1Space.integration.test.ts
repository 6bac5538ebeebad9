import { describe, expect, it } from 'vitest';
import { fromHex, parsePairingCode, toHex } from '@trame/protocol';
import { identityFromSecretKey, newDocId, Role, SpaceSession } from '@trame/sync';
import { linkFromAccount, linkNewDevice, type LinkSource } from '@trame/workspace/pairing';
import { createSpace, e2eScope, openDoc, openSpace, person, text, waitFor, WS } from '../e2e/harness.js';

const scope = e2eScope();

describe('DEVICES-1 linking, then using the space from the new device (R94, R104, R39)', () => {
  it('DEVICES-1: after a link the new device opens the space pinned, with its own key, and writes as Alice; Bob reads it from Alice', async () => {
    const t = await scope.start();
    const bob = person('Bob');
    const alice = person('Alice');
    const spaceB = await createSpace(t.url, bob);
    scope.closers.push(() => spaceB.close());
    await spaceB.addMember(alice.identity.publicKey, Role.Editor);
    const laptop = await openSpace(t.url, alice, spaceB.spaceId);
    scope.closers.push(() => laptop.close());
    const id = toHex(spaceB.spaceId);
    const pin = laptop.state.pin!;
    const source: LinkSource = {
      personId: toHex(alice.identity.publicKey),
      displayName: 'Alice',
      colour: '#aa3366',
      locale: 'fr',
      spaces: [
        {
          id,
          kind: 'atelier',
          assemblyId: id,
          joinedAt: 1,
          pin: { genesisHash: toHex(pin.genesisHash!), seq: pin.seq, headHash: toHex(pin.headHash) },
        },
      ],
    };
    const url = t.url.replace(/\/ws$/, '/pair');
    let shown!: (c: string) => void;
    const code = new Promise<string>((r) => (shown = r));
    const codes: string[] = [];
    const account = linkFromAccount({
      url,
      WebSocketImpl: WS,
      join: null,
      profile: source,
      devices: {
        addDevice: async (key) => {
          await laptop.addDevice(key);
          return [{ spaceId: id, ok: true }];
        },
      },
      onCode: (c) => shown(c),
      onComparison: (c) => void codes.push(c),
      confirmed: Promise.resolve(),
    });
    const device = await linkNewDevice({
      url,
      WebSocketImpl: WS,
      join: parsePairingCode(await code),
      deviceName: 'Téléphone Android',
      onComparison: (c) => void codes.push(c),
      confirmed: Promise.resolve(),
      adopt: async () => {},
    });
    await account;
    expect(codes[0]).toBe(codes[1]);

    // The phone opens the space with its own key, pinned to what the laptop verified.
    const joined = device.spaces[0]!;
    const phone = { ...person('Alice'), identity: identityFromSecretKey(device.secretKey) };
    const phoneSpace = await SpaceSession.open({
      relayUrl: t.url,
      identity: phone.identity,
      spaceId: fromHex(joined.id),
      WebSocketImpl: WS,
      pin: {
        genesisHash: fromHex(joined.pin!.genesisHash),
        seq: joined.pin!.seq,
        headHash: fromHex(joined.pin!.headHash),
      },
    });
    scope.closers.push(() => phoneSpace.close());
    expect(phoneSpace.myRole).toBe(Role.Editor);
    expect(phoneSpace.state.myPerson).toBe(device.personId);
    const docId = newDocId();
    const p = openDoc(phoneSpace, phone, docId, { user: { name: device.displayName, color: device.colour } });
    scope.closers.push(() => p.destroy());
    await p.whenSynced();
    p.doc.getText('t').insert(0, 'Écrit au téléphone lié. ');
    await p.whenSaved();
    const b = openDoc(spaceB, bob, docId);
    scope.closers.push(() => b.destroy());
    await waitFor(() => text(b) === 'Écrit au téléphone lié. ', 'Bob reads the linked phone');
    expect(spaceB.personOf(toHex(phone.identity.publicKey))).toBe(device.personId);
  });
});
