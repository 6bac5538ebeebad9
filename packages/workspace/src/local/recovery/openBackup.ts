import { fromHex } from '@trame/protocol';
import { loadSodiumSumo } from '../lock/loadSodiumSumo.js';
import type { LocalProfile } from '../LocalProfile.js';
import { backupAd, backupSigned } from './backupFormat.js';
import { RecoveryError } from './RecoveryError.js';
import type { RecoveryKeySet } from './RecoveryKeySet.js';

/**
 * DEVICES-3: the profile inside a backup body (see sealBackup), after checking its signature
 * under the phrase's key and opening it. `BACKUP_UNREADABLE` otherwise (a damaged or forged
 * body: the relay cannot make one that verifies). Also returns the body's version. A profile
 * backup (`withoutSecret`, ADR 0008 point 5) holds no secret key: its `secretKey` is empty.
 */
export async function openBackup(
  body: Uint8Array,
  keys: RecoveryKeySet,
  o: { withoutSecret?: boolean } = {},
): Promise<{ profile: LocalProfile; version: number }> {
  const sodium = await loadSodiumSumo();
  try {
    if (body.length < 8 + 64 + 24 + 16) throw new Error('too short');
    const version = Number(new DataView(body.buffer, body.byteOffset).getBigUint64(0));
    const sig = body.subarray(8, 72);
    const blob = body.subarray(72);
    if (!sodium.crypto_sign_verify_detached(sig, backupSigned(keys.publicKey, version, blob), keys.publicKey)) {
      throw new Error('bad signature');
    }
    const padded = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      blob.subarray(24),
      backupAd(keys.publicKey),
      blob.subarray(0, 24),
      keys.key,
    );
    const len = new DataView(padded.buffer, padded.byteOffset).getUint32(0);
    const raw = JSON.parse(new TextDecoder().decode(padded.subarray(4, 4 + len))) as Record<string, unknown>;
    const profile = { ...raw, secretKey: fromHex(String(raw.secretKey)) } as LocalProfile;
    if (
      profile.version !== 1 ||
      profile.secretKey.length !== (o.withoutSecret ? 0 : 64) ||
      !Array.isArray(profile.spaces)
    ) {
      throw new Error('not a profile');
    }
    return { profile, version };
  } catch (e) {
    throw new RecoveryError('BACKUP_UNREADABLE', 'the backup does not open with this phrase', { cause: e });
  }
}
