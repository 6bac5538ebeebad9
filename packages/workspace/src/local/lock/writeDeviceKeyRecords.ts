import { idbDone } from '../idbDone.js';
import { idbOpen } from '../idbOpen.js';
import { DEVICE_KEY_RECORDS as R } from './DEVICE_KEY_RECORDS.js';
import type { LockedKey } from './LockedKey.js';

/** The device key sealed by a non-extractable WebCrypto key (what loadDeviceKey reads). */
export interface WrappedDeviceKey {
  wrapping: CryptoKey;
  device: { iv: Uint8Array; sealed: Uint8Array };
}

/**
 * Replaces, in one transaction, whatever keeps the device key: `locked` writes the
 * passphrase-sealed key and deletes the WebCrypto wrapping key and the key it sealed (the key
 * then opens only with the passphrase); `wrapped` does the reverse (the lock is removed).
 */
export async function writeDeviceKeyRecords(
  factory: IDBFactory,
  records: { locked: LockedKey } | { wrapped: WrappedDeviceKey },
): Promise<void> {
  const db = await idbOpen(factory, R.db, R.store);
  try {
    const tx = db.transaction(R.store, 'readwrite');
    const os = tx.objectStore(R.store);
    if ('locked' in records) {
      os.put(records.locked, R.locked);
      os.delete(R.wrapping);
      os.delete(R.device);
    } else {
      os.put(records.wrapped.wrapping, R.wrapping);
      os.put(records.wrapped.device, R.device);
      os.delete(R.locked);
    }
    await idbDone(tx);
  } finally {
    db.close();
  }
}
