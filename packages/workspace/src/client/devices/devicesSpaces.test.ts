import { generateIdentity, ready, verify } from '@trame/crypto';
import { checkDeviceChain, fromHex, Role, toHex } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { defaultCollectivePlan } from '../../collective/defaultCollectivePlan.js';
import { storedToChain } from '../../local/storedChain.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { fakeCore } from '../../testing/fakeCore.js';
import { tokenOf } from '../../testing/tokenOf.js';
import { createAtelier } from '../collective/createAtelier.js';
import { acceptInvite } from '../invites/acceptInvite.js';
import { createInvite } from '../invites/createInvite.js';
import { addDevice } from './addDevice.js';
import { addMyDevices } from './addMyDevices.js';
import { becomeOwnDevice } from './becomeOwnDevice.js';
import { chainForDevice } from './chainForDevice.js';
import { Devices } from './Devices.js';
import { linkProfileOf } from './LinkProfile.js';

/** Alice's laptop (person key) made a collective and linked her phone, with a chain (R120). */
async function aliceAndPhone() {
  const c = await coreCollective();
  await ready();
  const phoneKey = generateIdentity();
  await addDevice(c.alice.core, phoneKey.publicKey, 'Téléphone');
  const chain = (await new Devices(c.alice.core, c.alice.profile).certify(phoneKey.publicKey))!;
  const link = linkProfileOf(c.alice.profile.current, c.alice.core.myId);
  const phone = await fakeCore(c.relay, 'Alice', {
    identity: phoneKey,
    personId: link.personId,
    deviceName: 'Téléphone',
    spaces: link.spaces,
    deviceChain: chain,
  });
  return { ...c, phone, phoneKey, chain };
}

const plan = defaultCollectivePlan('fr');
const draft = { ...plan.ateliers[0]!, name: 'Juridique' };

describe('R120: chains handed to linked devices', () => {
  it('R120: the person key certifies a device in one link; a linked device extends its chain up to 3 links, then cannot', async () => {
    await ready();
    const person = generateIdentity();
    const personId = toHex(person.publicKey);
    const [d1, d2, d3, d4] = [generateIdentity(), generateIdentity(), generateIdentity(), generateIdentity()];
    const c1 = chainForDevice({ identity: person, personId, myChain: null }, d1.publicKey)!;
    expect(checkDeviceChain(person.publicKey, c1, verify)).toEqual(d1.publicKey);
    const c2 = chainForDevice({ identity: d1, personId, myChain: c1 }, d2.publicKey)!;
    expect(checkDeviceChain(person.publicKey, c2, verify)).toEqual(d2.publicKey);
    const c3 = chainForDevice({ identity: d2, personId, myChain: c2 }, d3.publicKey)!;
    expect(c3).toHaveLength(3);
    expect(chainForDevice({ identity: d3, personId, myChain: c3 }, d4.publicKey)).toBeNull();
    // a device linked before protocol 5 (no chain) cannot certify
    expect(chainForDevice({ identity: d1, personId, myChain: null }, d2.publicKey)).toBeNull();
  });
});

describe('R120 and ADR 0008 point 5', () => {
  it('R120: the device that gives up the person key gets a chain for its new key, signed by the person key', async () => {
    const { alice } = await coreCollective();
    const next = await becomeOwnDevice(alice.core, alice.profile.current, 'Ordinateur', 1);
    const device = generateIdentity().publicKey; // not this one
    const chain = storedToChain(next.deviceChain!);
    const certified = checkDeviceChain(fromHex(alice.core.myId), chain, verify);
    expect(certified).toEqual(chain[0]!.device);
    expect(next.personId).toBe(alice.core.myId);
    expect(certified).not.toEqual(device);
  });
});

describe('R122/R123/R125: spaces made or joined on a linked device are the person’s, on all her devices', () => {
  it('R122/R125: the phone creates an atelier: Alice (the person) is its animateur, the phone hers, and the laptop opens it', async () => {
    const { phone, alice, assemblyId, phoneKey, chain } = await aliceAndPhone();
    expect(checkDeviceChain(fromHex(alice.core.myId), storedToChain(chain), verify)).toEqual(phoneKey.publicKey);
    const id = await createAtelier(phone.core, assemblyId, draft, 'fr');
    const onPhone = await phone.core.openSpace(id);
    expect(onPhone.session.members().map((m) => [m.id, m.role])).toEqual([[alice.core.myId, Role.Admin]]);
    expect(onPhone.session.personOf(phone.core.myId)).toBe(alice.core.myId);
    // The laptop is the person key: it is a member already, with the keys sealed to it.
    const onLaptop = await alice.core.openSpace(id);
    expect(onLaptop.session.myRole).toBe(Role.Admin);
  });

  it('R123/R125: the phone accepts an invite: Bob sees one Alice (the person), the phone mapped to her', async () => {
    const { relay, phone, alice } = await aliceAndPhone();
    const bob = await fakeCore(relay, 'Bob');
    const bobPlan = defaultCollectivePlan('fr');
    const { createCollective } = await import('../collective/createCollective.js');
    const bobsAssembly = await createCollective(bob.core, { ...bobPlan, collectiveName: 'Autre', ateliers: [] }, 'fr');
    const link = await createInvite(bob.core, bobsAssembly, { role: Role.Editor, expiry: '7d', origin: 'https://t' });
    await acceptInvite(phone.core, tokenOf(link));
    const s = (await bob.core.openSpace(bobsAssembly)).session;
    expect(
      s
        .members()
        .map((m) => m.id)
        .sort(),
    ).toEqual([alice.core.myId, bob.core.myId].sort());
    expect(s.personOf(phone.core.myId)).toBe(alice.core.myId);
  });

  it('R125: the laptop creates an atelier after linking: the phone is added to it (DEVICE_ADD)', async () => {
    const { phone, alice, assemblyId } = await aliceAndPhone();
    const id = await createAtelier(alice.core, assemblyId, draft, 'fr');
    const s = (await alice.core.openSpace(id)).session;
    expect(s.devicesOf(alice.core.myId)).toEqual([phone.core.myId]);
  });

  it('R125: a device removed from one of her spaces is not added to a new one', async () => {
    const { relay, alice, assemblyId, atelierId } = await aliceAndPhone();
    await ready();
    const tablet = generateIdentity();
    await addDevice(alice.core, tablet.publicKey, 'Tablette');
    // The tablet was cut off in the atelier only (the assembly was offline then, say).
    const atelier = await alice.core.openSpace(atelierId);
    await atelier.session.removeDevice(tablet.publicKey);
    expect(relay.spaces.get(atelierId)!.devices!.has(toHex(tablet.publicKey))).toBe(false);
    const id = await createAtelier(alice.core, assemblyId, draft, 'fr');
    const s = (await alice.core.openSpace(id)).session;
    expect(s.devicesOf(alice.core.myId)).not.toContain(toHex(tablet.publicKey));
    expect(s.devicesOf(alice.core.myId)).toHaveLength(1); // the phone
    expect(await addMyDevices(alice.core, id)).toEqual([]); // nothing more to add
  });

  it('R126: the laptop opens, from its assembly, an atelier the phone made: it is remembered there', async () => {
    const { phone, alice, assemblyId } = await aliceAndPhone();
    const id = await createAtelier(phone.core, assemblyId, draft, 'fr');
    expect(alice.core.isJoined(id)).toBe(false);
    await alice.core.openSpace(id);
    await waitUntil(() => alice.core.isJoined(id));
    expect(alice.profile.joined(id)).toMatchObject({ kind: 'atelier', assemblyId });
  });

  it('R126: an atelier of an assembly this device did not join, or where it is no member, is not remembered', async () => {
    const { relay, alice } = await aliceAndPhone();
    const bob = await fakeCore(relay, 'Bob');
    const { createCollective } = await import('../collective/createCollective.js');
    const other = await createCollective(bob.core, { ...plan, collectiveName: 'Autre', ateliers: [draft] }, 'fr');
    const atelier = bob.core.joinedSpaces().find((s) => s.kind === 'atelier' && s.assemblyId === other)!.id;
    // Bob brings Alice into his atelier (as ADD allows): her device opens it, but does not list it.
    await (await bob.core.openSpace(atelier)).session.addMember(fromHex(alice.core.myId), Role.Editor);
    await alice.core.openSpace(atelier);
    await new Promise((r) => setTimeout(r, 50));
    expect(alice.core.isJoined(atelier)).toBe(false);
  });
});

async function waitUntil(fn: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !fn(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(fn()).toBe(true);
}
