import { writeDeviceKeyRecords } from './writeDeviceKeyRecords.js';

/**
 * Removes the passphrase (DEVICES-4, from Réglages, unlocked): the device key goes back to
 * being sealed by a new non-extractable WebCrypto key, as loadDeviceKey makes it.
 */
export async function removeDeviceLock(
  factory: IDBFactory,
  key: Uint8Array,
  webCrypto: Crypto = globalThis.crypto,
): Promise<void> {
  const wrapping = await webCrypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = webCrypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await webCrypto.subtle.encrypt({ name: 'AES-GCM', iv }, wrapping, key as Uint8Array<ArrayBuffer>),
  );
  await writeDeviceKeyRecords(factory, { wrapped: { wrapping, device: { iv, sealed } } });
}
