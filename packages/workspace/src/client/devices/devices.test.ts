import { generateIdentity, ready } from '@trame/crypto';
import { toHex } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { readDeviceRecords } from '../../space/readDeviceRecords.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { fakeCore } from '../../testing/fakeCore.js';
import { addDevice } from './addDevice.js';
import { DeviceError } from './DeviceError.js';
import { linkProfileOf, profileFromLink } from './LinkProfile.js';
import { listDevices } from './listDevices.js';
import { removeDevice } from './removeDevice.js';

async function linkedPhone() {
  const c = await coreCollective();
  await ready();
  const phoneKey = generateIdentity();
  const results = await addDevice(c.alice.core, phoneKey.publicKey, 'Téléphone');
  const link = linkProfileOf(c.alice.profile.current, c.alice.core.myId);
  const phone = await fakeCore(c.relay, 'Alice', {
    identity: phoneKey,
    personId: link.personId,
    deviceName: 'Téléphone',
    spaces: link.spaces,
  });
  return { ...c, phone, phoneKey, results, link };
}

describe('client.devices (DEVICES-1/2 contract)', () => {
  it('DEVICES-1: addDevice links the device in every joined space and names it; the new device opens them as the person', async () => {
    const { alice, phone, results, phoneKey, assemblyId, atelierId, link } = await linkedPhone();
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(new Set(results.map((r) => r.spaceId))).toEqual(new Set([assemblyId, atelierId]));
    expect(link.personId).toBe(alice.core.myId);
    const assembly = await phone.core.openSpace(assemblyId);
    expect(assembly.session.personOf(toHex(phoneKey.publicKey))).toBe(alice.core.myId);
    expect(phone.core.personId).toBe(alice.core.myId);
    const names = readDeviceRecords((await alice.core.openSpace(assemblyId)).index.doc);
    expect(names.get(toHex(phoneKey.publicKey))?.name).toBe('Téléphone');
    // a retry links nothing twice
    expect((await addDevice(alice.core, phoneKey.publicKey, 'Téléphone')).every((r) => r.ok)).toBe(true);
  });

  it('DEVICES-2: list() shows the person key (first device) and the phone, marking this device', async () => {
    const { alice, phone, phoneKey } = await linkedPhone();
    const fromLaptop = await listDevices(alice.core);
    expect(fromLaptop.map((d) => [d.id, d.name, d.isThisDevice, d.isPersonKey])).toEqual([
      [alice.core.myId, '', true, true],
      [toHex(phoneKey.publicKey), 'Téléphone', false, false],
    ]);
    const fromPhone = await listDevices(phone.core);
    expect(fromPhone.find((d) => d.isThisDevice)?.id).toBe(toHex(phoneKey.publicKey));
  });

  it('DEVICES-2: remove() cuts the device off in every space and renews the keys; refuses this device and the person key', async () => {
    const { alice, phoneKey, assemblyId, relay } = await linkedPhone();
    const phoneId = toHex(phoneKey.publicKey);
    const assembly = await alice.core.openSpace(assemblyId);
    const epoch = assembly.session.epoch;
    const results = await removeDevice(alice.core, phoneId);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(assembly.session.personOf(phoneId)).toBeNull();
    expect(assembly.session.epoch).toBe(epoch + 1);
    expect(relay.spaces.get(assemblyId)!.devices!.size).toBe(0);
    await expect(removeDevice(alice.core, alice.core.myId)).rejects.toBeInstanceOf(DeviceError);
    expect((await listDevices(alice.core)).map((d) => d.id)).toEqual([alice.core.myId]);
  });

  it('DEVICES-1: a link profile carries no secret; profileFromLink makes the new device profile with its own key', async () => {
    const { link, phoneKey } = await linkedPhone();
    expect(JSON.stringify(link)).not.toMatch(/secret/i);
    const p = profileFromLink(link, { secretKey: phoneKey.secretKey, deviceName: 'Téléphone', now: 5 });
    expect(p.personId).toBe(link.personId);
    expect(p.secretKey).toBe(phoneKey.secretKey);
    expect(p.spaces).toEqual(link.spaces);
  });

  it('DEVICES-1: addDevice refuses a key that is not a strict Ed25519 key (DEVICE_KEY_INVALID, 8020)', async () => {
    const { alice } = await coreCollective();
    const e = await addDevice(alice.core, new Uint8Array(32), 'x').catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'DEVICE_KEY_INVALID', number: 8020 });
  });
});
