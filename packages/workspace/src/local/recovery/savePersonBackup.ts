import type { LocalProfile } from '../LocalProfile.js';
import { RecoveryError } from './RecoveryError.js';
import type { RecoveryKeys } from './RecoveryKeySet.js';
import { recoveryKeys } from './recoveryKeys.js';
import { sealBackup } from './sealBackup.js';
import { uploadBackup } from './uploadBackup.js';

/**
 * DEVICES-3, ADR 0008 point 5: the person wrote `phrase` down on the device that holds the
 * person key: stores the person backup (the profile with the person key's secret) at the relay
 * and returns the phrase's keys, of which the device keeps only `profile`. Only the device
 * holding the person key can make it (`PHRASE_NOT_ON_THIS_DEVICE` on a linked device: its own
 * key would not bring the person back). `PHRASE_INVALID`, `BACKUP_UNAVAILABLE` otherwise.
 */
export async function savePersonBackup(
  origin: string,
  profile: LocalProfile,
  phrase: string,
  version: number,
  f: typeof fetch = fetch,
): Promise<RecoveryKeys> {
  if (profile.personId !== undefined) throw new RecoveryError('PHRASE_NOT_ON_THIS_DEVICE');
  const keys = await recoveryKeys(phrase);
  await uploadBackup(origin, keys.id, await sealBackup(profile, keys, version), f);
  return keys;
}
