import { describe, expect, it } from 'vitest';
import { decodeFrame, fromHex, MembershipAction, parsePairingCode, toHex, type MembershipFrame } from '@trame/protocol';
import { certifyDevice } from '@trame/crypto';
import { generateIdentity, identityFromSecretKey, newDocId, Role, SpaceSession } from '@trame/sync';
import { readPresence } from '@trame/workspace';
import { linkFromAccount, linkNewDevice } from '@trame/workspace/pairing';
import { createSpace, e2eScope, openDoc, openSpace, person, text, waitFor, WS, type Person } from './harness.js';

const scope = e2eScope();
const closers = scope.closers;

/**
 * Alice's laptop holds her person key and has a space; it links her phone (DEVICE_ADD, R94) and
 * hands it a one-link chain (R120). Bob has his own space.
 */
async function aliceLinksPhone() {
  const relay = await scope.start();
  const alice = person('Alice');
  const bob = person('Bob');
  const phone: Person = { ...person('Alice'), identity: generateIdentity() };
  const home = await createSpace(relay.url, alice);
  closers.push(() => home.close());
  await home.addDevice(phone.identity.publicKey);
  const chain = [certifyDevice(alice.identity, alice.identity.publicKey, phone.identity.publicKey)];
  const asAlice = { key: alice.identity.publicKey, chain };
  const spaceB = await createSpace(relay.url, bob);
  closers.push(() => spaceB.close());
  return { relay, alice, bob, phone, home, asAlice, spaceB };
}

describe('DEVICES-1: spaces created or joined on a linked device (ADR 0010, R120-R125)', () => {
  it('DEVICES-1: a linked phone creates a space and accepts an invite as Alice: Bob sees one Alice (the phone mapped to her), and the laptop gets both spaces', async () => {
    const { relay, alice, bob, phone, asAlice, spaceB } = await aliceLinksPhone();
    const aliceId = toHex(alice.identity.publicKey);
    const phoneId = toHex(phone.identity.publicKey);

    // R122: created on the phone, the space is Alice's: she is its animateur, the phone hers.
    const made = await SpaceSession.create({
      relayUrl: relay.url,
      identity: phone.identity,
      WebSocketImpl: WS,
      person: asAlice,
    });
    closers.push(() => made.close());
    expect(made.members().map((m) => [m.id, m.role])).toEqual([[aliceId, Role.Admin]]);
    expect(made.personOf(phoneId)).toBe(aliceId);
    expect(made.myRole).toBe(Role.Admin);
    const genesis = decodeFrame(made.state.entries[0]!) as MembershipFrame;
    expect([toHex(genesis.signer), toHex(genesis.subject)]).toEqual([phoneId, aliceId]);
    // The phone, as an animateur of it, invites Bob; Bob sees the inviter as Alice.
    const docP = newDocId();
    const p1 = openDoc(made, phone, docP);
    closers.push(() => p1.destroy());
    await p1.whenSynced();
    p1.doc.getText('t').insert(0, 'Créé sur le téléphone.');
    await p1.whenSaved();
    // The laptop (person key) opens it: the GENESIS sealed the key to the person (R122).
    const onLaptop = await openSpace(relay.url, alice, made.spaceId);
    closers.push(() => onLaptop.close());
    expect(onLaptop.myRole).toBe(Role.Admin);
    const l1 = openDoc(onLaptop, alice, docP);
    closers.push(() => l1.destroy());
    await waitFor(() => text(l1) === 'Créé sur le téléphone.', 'the laptop reads what the phone wrote');

    // R123: Bob's invite, accepted on the phone: Alice joins, the phone with her.
    const token = await spaceB.createInvite({ role: Role.Editor });
    const joined = await SpaceSession.acceptInvite({
      relayUrl: relay.url,
      identity: phone.identity,
      WebSocketImpl: WS,
      invite: token,
      person: asAlice,
    });
    closers.push(() => joined.close());
    expect(joined.myRole).toBe(Role.Editor);
    await waitFor(() => spaceB.members().length === 2, 'Bob sees the newcomer');
    expect(
      spaceB
        .members()
        .map((m) => m.id)
        .sort(),
    ).toEqual([aliceId, toHex(bob.identity.publicKey)].sort());
    expect(spaceB.personOf(phoneId)).toBe(aliceId);
    const docB = newDocId();
    const p2 = openDoc(joined, phone, docB, { user: { name: 'Alice', color: '#aa3366' } });
    closers.push(() => p2.destroy());
    await p2.whenSynced();
    p2.doc.getText('t').insert(0, 'Juridique, depuis le téléphone.');
    await p2.whenSaved();
    const b = openDoc(spaceB, bob, docB);
    closers.push(() => b.destroy());
    await waitFor(() => text(b) === 'Juridique, depuis le téléphone.', 'Bob reads the phone');
    // One Alice at Bob's: presence maps the phone's device key to her person.
    await waitFor(() => b.awareness.getStates().size >= 2, 'the phone present at Bob');
    const people = readPresence(b.awareness, toHex(bob.identity.publicKey), (id) => spaceB.personOf(id));
    expect(people.map((x) => x.id)).toEqual([toHex(bob.identity.publicKey), aliceId]);
    // The laptop opens Bob's space too: the ACCEPT sealed the keys to the person (R123).
    const laptopInB = await openSpace(relay.url, alice, spaceB.spaceId);
    closers.push(() => laptopInB.close());
    expect(laptopInB.myRole).toBe(Role.Editor);
    const l2 = openDoc(laptopInB, alice, docB);
    closers.push(() => l2.destroy());
    await waitFor(() => text(l2) === 'Juridique, depuis le téléphone.', 'the laptop reads Bob’s space');
  });

  it('DEVICES-1: the phone adds Alice’s other devices to a space it made (R125), and a laptop space made after linking gets the phone', async () => {
    const { relay, alice, phone, home, asAlice } = await aliceLinksPhone();
    const tablet: Person = { ...person('Alice'), identity: generateIdentity() };
    await home.addDevice(tablet.identity.publicKey);
    const made = await SpaceSession.create({
      relayUrl: relay.url,
      identity: phone.identity,
      WebSocketImpl: WS,
      person: asAlice,
    });
    closers.push(() => made.close());
    await made.addDevice(tablet.identity.publicKey);
    const onTablet = await openSpace(relay.url, tablet, made.spaceId);
    closers.push(() => onTablet.close());
    expect(onTablet.myRole).toBe(Role.Admin);
    expect(onTablet.state.myPerson).toBe(toHex(alice.identity.publicKey));
    expect(onTablet.state.keyBundle().size).toBe(1);
    // And the other way: the laptop (person key) makes a space and adds the phone (R94).
    const laptopMade = await createSpace(relay.url, alice);
    closers.push(() => laptopMade.close());
    await laptopMade.addDevice(phone.identity.publicKey);
    const phoneThere = await openSpace(relay.url, phone, laptopMade.spaceId);
    closers.push(() => phoneThere.close());
    expect(phoneThere.state.myPerson).toBe(toHex(alice.identity.publicKey));
  });

  it('DEVICES-1: Bob cannot create a space “made by Alice” with her phone’s chain and his own key: the relay refuses (R122)', async () => {
    const { relay, bob, asAlice } = await aliceLinksPhone();
    await expect(
      SpaceSession.create({ relayUrl: relay.url, identity: bob.identity, WebSocketImpl: WS, person: asAlice }),
    ).rejects.toMatchObject({ code: 'INVALID_MEMBERSHIP' });
    // Nor a chain he signs himself for Alice.
    const forged = [certifyDevice(bob.identity, asAlice.key, bob.identity.publicKey)];
    await expect(
      SpaceSession.create({
        relayUrl: relay.url,
        identity: bob.identity,
        WebSocketImpl: WS,
        person: { key: asAlice.key, chain: forged },
      }),
    ).rejects.toMatchObject({ code: 'BAD_SIGNATURE' });
  });

  it('DEVICES-2: a removed phone cannot open Alice’s spaces again, but its chain still lets it make a new space under her name (the documented limit)', async () => {
    const { relay, alice, phone, home, asAlice } = await aliceLinksPhone();
    await home.removeDevice(phone.identity.publicKey);
    const entries = home.state.entries.map((raw) => decodeFrame(raw) as MembershipFrame);
    expect(entries.at(-2)!.action).toBe(MembershipAction.DeviceRemove);
    await expect(
      SpaceSession.open({ relayUrl: relay.url, identity: phone.identity, spaceId: home.spaceId, WebSocketImpl: WS }),
    ).rejects.toMatchObject({ code: 'NOT_A_MEMBER' });
    // THREAT_MODEL, "Devices": a chain does not expire; the seized phone can still start a new
    // space in Alice's name. Her devices never list it (R126: only her devices write her list).
    const made = await SpaceSession.create({
      relayUrl: relay.url,
      identity: phone.identity,
      WebSocketImpl: WS,
      person: asAlice,
    });
    closers.push(() => made.close());
    expect(made.members().map((m) => m.id)).toEqual([toHex(alice.identity.publicKey)]);
  });

  it('DEVICES-1: the link hands the new device its chain (§11.3); with it, the device creates a space as Alice', async () => {
    const { relay, alice, home } = await aliceLinksPhone();
    const url = relay.url.replace(/\/ws$/, '/pair');
    let shown!: (c: string) => void;
    const code = new Promise<string>((r) => (shown = r));
    const id = toHex(home.spaceId);
    const account = linkFromAccount({
      url,
      WebSocketImpl: WS,
      join: null,
      profile: {
        personId: toHex(alice.identity.publicKey),
        displayName: 'Alice',
        colour: '#aa3366',
        locale: 'fr',
        spaces: [],
      },
      devices: {
        addDevice: async (key) => {
          await home.addDevice(key);
          return [{ spaceId: id, ok: true }];
        },
        certify: async (key) => {
          const l = certifyDevice(alice.identity, alice.identity.publicKey, key);
          return [{ device: toHex(l.device), issuedAt: l.issuedAt, signature: toHex(l.signature) }];
        },
      },
      onCode: (c) => shown(c),
      onComparison: () => {},
      confirmed: Promise.resolve(),
    });
    const device = await linkNewDevice({
      url,
      WebSocketImpl: WS,
      join: parsePairingCode(await code),
      deviceName: 'Téléphone',
      onComparison: () => {},
      confirmed: Promise.resolve(),
      adopt: async () => {},
    });
    await account;
    expect(device.deviceChain).toHaveLength(1);
    const identity = identityFromSecretKey(device.secretKey);
    const chain = device.deviceChain!.map((l) => ({
      device: fromHex(l.device),
      issuedAt: l.issuedAt,
      signature: fromHex(l.signature),
    }));
    const made = await SpaceSession.create({
      relayUrl: relay.url,
      identity,
      WebSocketImpl: WS,
      person: { key: fromHex(device.personId), chain },
    });
    closers.push(() => made.close());
    expect(made.members().map((m) => m.id)).toEqual([toHex(alice.identity.publicKey)]);
    expect(made.personOf(toHex(identity.publicKey))).toBe(toHex(alice.identity.publicKey));
  });
});
