import { idbDone } from './idbDone.js';
import { idbOpen } from './idbOpen.js';
import { idbRequest } from './idbRequest.js';
import { DeviceLockError } from './lock/DeviceLockError.js';

/** Name of the database holding the wrapped device key. */
export const DEVICE_DB_NAME = 'trame-device';
const STORE = 'keys';
const WRAPPING = 'wrapping';
const DEVICE = 'device';

interface SealedKey {
  iv: Uint8Array;
  sealed: Uint8Array;
}

/**
 * The device key (32 random bytes) that encrypts the local cache, created on first use.
 *
 * It is kept in IndexedDB wrapped (AES-GCM) by a non-extractable WebCrypto key stored next to
 * it: page scripts can use the wrapping key but never read it, so the device key does not sit
 * in the clear in the browser's files, and a copy of the cache's values alone is useless. This
 * does not stop someone holding the whole browser profile (the "locked device" mode of the
 * ADR, with a passphrase, is for that). The key stays on this device; it is never synced.
 */
export async function loadDeviceKey(
  factory: IDBFactory = globalThis.indexedDB,
  webCrypto: Crypto = globalThis.crypto,
): Promise<Uint8Array> {
  const db = await idbOpen(factory, DEVICE_DB_NAME, STORE);
  try {
    // A locked device (DEVICES-4): the key opens only with the passphrase (unlockDevice).
    if (await idbRequest<unknown>(db.transaction(STORE, 'readonly').objectStore(STORE).get('locked'))) {
      throw new DeviceLockError('DEVICE_LOCKED');
    }
    const existing = await read(db);
    if (existing) {
      const key = await unwrap(webCrypto, existing.wrapping, existing.device);
      if (key) return key;
      // Unreadable (a browser that lost the wrapping key): start over; the cache then reads as
      // empty and is refilled from the relay.
      await clear(db);
    }
    const wrapping = await webCrypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const key = webCrypto.getRandomValues(new Uint8Array(32));
    const iv = webCrypto.getRandomValues(new Uint8Array(12));
    const sealed = new Uint8Array(await webCrypto.subtle.encrypt({ name: 'AES-GCM', iv }, wrapping, key));
    if (await store(db, wrapping, { iv, sealed })) return key;
    // Another tab created one first: use theirs, so both tabs read the same cache.
    const theirs = await read(db);
    const winner = theirs ? await unwrap(webCrypto, theirs.wrapping, theirs.device) : null;
    if (!winner) throw new Error('device key unavailable');
    return winner;
  } finally {
    db.close();
  }
}

async function read(db: IDBDatabase): Promise<{ wrapping: CryptoKey; device: SealedKey } | null> {
  const os = db.transaction(STORE, 'readonly').objectStore(STORE);
  const [wrapping, device] = await Promise.all([
    idbRequest<unknown>(os.get(WRAPPING)),
    idbRequest<unknown>(os.get(DEVICE)),
  ]);
  if (!wrapping || !isSealed(device)) return null;
  return { wrapping: wrapping as CryptoKey, device };
}

async function unwrap(webCrypto: Crypto, wrapping: CryptoKey, device: SealedKey): Promise<Uint8Array | null> {
  try {
    const plain = new Uint8Array(
      await webCrypto.subtle.decrypt(
        { name: 'AES-GCM', iv: device.iv as Uint8Array<ArrayBuffer> },
        wrapping,
        device.sealed as Uint8Array<ArrayBuffer>,
      ),
    );
    return plain.length === 32 ? plain : null;
  } catch {
    return null;
  }
}

/** Stores both records unless they already exist; false when another tab won the race. */
async function store(db: IDBDatabase, wrapping: CryptoKey, device: SealedKey): Promise<boolean> {
  const tx = db.transaction(STORE, 'readwrite');
  const os = tx.objectStore(STORE);
  os.add(wrapping, WRAPPING);
  os.add(device, DEVICE);
  try {
    await idbDone(tx);
    return true;
  } catch {
    return false;
  }
}

async function clear(db: IDBDatabase): Promise<void> {
  const tx = db.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).clear();
  await idbDone(tx);
}

function isSealed(v: unknown): v is SealedKey {
  const s = v as Partial<SealedKey> | null;
  return !!s && s.iv instanceof Uint8Array && s.sealed instanceof Uint8Array;
}
