import type { LocalCache } from '../../sync/SyncApi.js';
import type { ListableStore } from '../forgetSpaceEntries.js';
import { DeviceLockError } from './DeviceLockError.js';
import { openDeviceKey } from './openDeviceKey.js';
import { readDeviceLock } from './readDeviceLock.js';
import { rekeyCache } from './rekeyCache.js';
import { writeDeviceKeyRecords } from './writeDeviceKeyRecords.js';

/** Outcome of {@link unlockDevice}. */
export type UnlockResult = { ok: true; key: Uint8Array; idleMinutes: number } | { ok: false; error: DeviceLockError };

/**
 * DEVICES-4: opens the device key with the passphrase. `WRONG_PASSPHRASE` when it does not
 * open; `LOCK_UNAVAILABLE` when the device is not locked or Argon2id cannot run (memory).
 * Finishes a re-key that an interrupted {@link lockDevice} left.
 */
export async function unlockDevice(
  factory: IDBFactory,
  passphrase: string,
  raw: LocalCache & ListableStore,
): Promise<UnlockResult> {
  try {
    const locked = await readDeviceLock(factory);
    if (!locked) return { ok: false, error: new DeviceLockError('LOCK_UNAVAILABLE', 'this device is not locked') };
    const key = await openDeviceKey(locked, passphrase);
    if (!key) return { ok: false, error: new DeviceLockError('WRONG_PASSPHRASE') };
    if (locked.previous) {
      const old = await openDeviceKey(locked.previous, passphrase);
      if (old) await rekeyCache(raw, old, key);
      await writeDeviceKeyRecords(factory, { locked: { ...locked, previous: undefined } });
    }
    return { ok: true, key, idleMinutes: locked.idleMinutes };
  } catch (e) {
    return {
      ok: false,
      error: new DeviceLockError('LOCK_UNAVAILABLE', 'the device could not be unlocked', { cause: e }),
    };
  }
}
