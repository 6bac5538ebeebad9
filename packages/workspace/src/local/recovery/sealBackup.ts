import { loadSodiumSumo } from '../lock/loadSodiumSumo.js';
import type { LocalProfile } from '../LocalProfile.js';
import { backupAd, backupSigned, BACKUP_PAD } from './backupFormat.js';
import type { RecoveryKeySet } from './RecoveryKeySet.js';

/**
 * DEVICES-3: the body of `PUT /backup/<id>` (PROTOCOL.md §9): `version u64 ‖ sig[64] ‖ nonce[24]
 * ‖ ciphertext`. The plaintext is the profile as JSON (identity secret key, name, colour,
 * language, joined spaces with their pins), length-prefixed and padded to a multiple of 4 KiB
 * so the size says little; XChaCha20-Poly1305 under the phrase's key, bound to the id.
 */
export async function sealBackup(profile: LocalProfile, keys: RecoveryKeySet, version: number): Promise<Uint8Array> {
  const sodium = await loadSodiumSumo();
  const json = new TextEncoder().encode(JSON.stringify({ ...profile, secretKey: sodium.to_hex(profile.secretKey) }));
  const padded = new Uint8Array(Math.ceil((json.length + 4) / BACKUP_PAD) * BACKUP_PAD);
  new DataView(padded.buffer).setUint32(0, json.length);
  padded.set(json, 4);
  const nonce = sodium.randombytes_buf(24);
  const ct = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(padded, backupAd(keys.publicKey), null, nonce, keys.key);
  const blob = new Uint8Array(24 + ct.length);
  blob.set(nonce);
  blob.set(ct, 24);
  const sig = sodium.crypto_sign_detached(backupSigned(keys.publicKey, version, blob), keys.secretKey);
  const body = new Uint8Array(8 + 64 + blob.length);
  new DataView(body.buffer).setBigUint64(0, BigInt(version));
  body.set(sig, 8);
  body.set(blob, 72);
  return body;
}
