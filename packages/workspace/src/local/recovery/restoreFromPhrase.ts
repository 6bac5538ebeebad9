import type { LocalProfile } from '../LocalProfile.js';
import { downloadBackup } from './downloadBackup.js';
import { mergeBackups } from './mergeBackups.js';
import { openBackup } from './openBackup.js';
import { RecoveryError } from './RecoveryError.js';
import type { RecoveryKeys } from './RecoveryKeySet.js';
import { recoveryKeys } from './recoveryKeys.js';

/**
 * DEVICES-3 with ADR 0008 point 5: from a phrase, the person key's profile to start a new browser
 * with (`personId` absent: this browser holds the person key until it becomes a device of its
 * own), and the phrase's keys. The person backup must open (`BACKUP_NOT_FOUND`,
 * `BACKUP_UNREADABLE`, `BACKUP_UNAVAILABLE`, `PHRASE_INVALID` otherwise); a missing or
 * unreadable profile backup only means the spaces are those of the person backup.
 */
export async function restoreFromPhrase(
  origin: string,
  phrase: string,
  f: typeof fetch = fetch,
): Promise<{ profile: LocalProfile; keys: RecoveryKeys }> {
  const keys = await recoveryKeys(phrase);
  const person = (await openBackup(await downloadBackup(origin, keys.id, f), keys)).profile;
  let newer: LocalProfile | null = null;
  try {
    newer = (await openBackup(await downloadBackup(origin, keys.profile.id, f), keys.profile, { withoutSecret: true }))
      .profile;
  } catch (e) {
    if (!(e instanceof RecoveryError) || e.code === 'BACKUP_UNAVAILABLE') throw e;
  }
  return { profile: mergeBackups(person, newer), keys };
}
