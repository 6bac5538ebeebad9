import type { LocalProfile } from '../LocalProfile.js';
import type { RecoveryKeySet } from './RecoveryKeySet.js';
import { sealBackup } from './sealBackup.js';

/**
 * ADR 0008 point 5: the profile backup's body (same format as {@link sealBackup}) under the
 * phrase's profile keys: name, colour, language, person id and spaces with their pins, and no
 * secret key at all (`secretKey` is written empty). Devices that hold these keys can keep the
 * list of spaces up to date without holding anything that opens the person backup.
 */
export async function sealProfileBackup(
  profile: LocalProfile,
  keys: RecoveryKeySet,
  version: number,
): Promise<Uint8Array> {
  const rest: LocalProfile = { ...profile, secretKey: new Uint8Array(0) };
  delete rest.deviceName;
  return sealBackup(rest, keys, version);
}
