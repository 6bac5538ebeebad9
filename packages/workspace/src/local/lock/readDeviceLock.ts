import { idbOpen } from '../idbOpen.js';
import { idbRequest } from '../idbRequest.js';
import { DEVICE_KEY_RECORDS as R } from './DEVICE_KEY_RECORDS.js';
import { isLockedKey, type LockedKey } from './LockedKey.js';

/** The passphrase-sealed device key when this device is locked (DEVICES-4); null otherwise. */
export async function readDeviceLock(factory: IDBFactory = globalThis.indexedDB): Promise<LockedKey | null> {
  const db = await idbOpen(factory, R.db, R.store);
  try {
    const v = await idbRequest<unknown>(db.transaction(R.store, 'readonly').objectStore(R.store).get(R.locked));
    return isLockedKey(v) ? v : null;
  } finally {
    db.close();
  }
}
