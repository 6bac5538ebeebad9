import { deriveLockKey } from './deriveLockKey.js';
import { LOCK_PARAMS } from './LOCK_PARAMS.js';
import { LOCK_AD, type LockedKey } from './LockedKey.js';
import { loadSodiumSumo } from './loadSodiumSumo.js';

/** Seals the 32-byte device key under a passphrase (Argon2id, then XChaCha20-Poly1305). */
export async function sealDeviceKey(
  deviceKey: Uint8Array,
  passphrase: string,
  o: { idleMinutes: number; cost?: { opslimit: number; memlimit: number } },
): Promise<LockedKey> {
  if (deviceKey.length !== 32) throw new RangeError('device key must be 32 bytes');
  if (passphrase.length === 0) throw new RangeError('empty passphrase');
  const sodium = await loadSodiumSumo();
  const cost = o.cost ?? LOCK_PARAMS;
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
  const kek = await deriveLockKey(passphrase, salt, cost);
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(deviceKey, LOCK_AD, null, nonce, kek);
  sodium.memzero(kek);
  return { version: 1, salt, ...cost, nonce, sealed, idleMinutes: o.idleMinutes };
}
