import type { LocalCache } from '../../sync/SyncApi.js';
import type { ListableStore } from '../forgetSpaceEntries.js';
import { DeviceLockError } from './DeviceLockError.js';
import { rekeyCache } from './rekeyCache.js';
import { sealDeviceKey } from './sealDeviceKey.js';
import { writeDeviceKeyRecords } from './writeDeviceKeyRecords.js';

/** Outcome of {@link lockDevice}: the new device key, or a typed error. */
export type LockResult = { ok: true; key: Uint8Array } | { ok: false; error: DeviceLockError };

/**
 * DEVICES-4: sets a passphrase on this device. A **new** device key is drawn, sealed under
 * Argon2id(passphrase), and the cache is re-encrypted under it; the WebCrypto wrapping key and
 * the old key are deleted. Re-keying matters: the browser's files may keep deleted records
 * until it compacts them, and an old wrapping key found there must not open the cache as it is
 * now. While the cache is being rewritten, the old key is kept sealed under the same
 * passphrase (`previous`), so an interrupted lock is finished at the next unlock.
 * The app must not write to the cache meanwhile (it closes its client first).
 */
export async function lockDevice(
  factory: IDBFactory,
  o: {
    raw: LocalCache & ListableStore;
    currentKey: Uint8Array;
    passphrase: string;
    idleMinutes: number;
    cost?: { opslimit: number; memlimit: number };
  },
): Promise<LockResult> {
  try {
    const key = globalThis.crypto.getRandomValues(new Uint8Array(32));
    const locked = await sealDeviceKey(key, o.passphrase, { idleMinutes: o.idleMinutes, cost: o.cost });
    const previous = await sealDeviceKey(o.currentKey, o.passphrase, { idleMinutes: o.idleMinutes, cost: o.cost });
    await writeDeviceKeyRecords(factory, { locked: { ...locked, previous } });
    await rekeyCache(o.raw, o.currentKey, key);
    await writeDeviceKeyRecords(factory, { locked });
    return { ok: true, key };
  } catch (e) {
    return {
      ok: false,
      error: new DeviceLockError('LOCK_UNAVAILABLE', 'the device could not be locked', { cause: e }),
    };
  }
}
