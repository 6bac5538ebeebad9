import { loadSodiumSumo } from './loadSodiumSumo.js';

/**
 * Argon2id (libsodium `crypto_pwhash`, ALG_ARGON2ID13) of the passphrase: the 32-byte key that
 * seals the device key. The passphrase is normalised (NFC) so that the same words typed on
 * another keyboard give the same key.
 */
export async function deriveLockKey(
  passphrase: string,
  salt: Uint8Array,
  cost: { opslimit: number; memlimit: number },
): Promise<Uint8Array> {
  const sodium = await loadSodiumSumo();
  if (salt.length !== sodium.crypto_pwhash_SALTBYTES) throw new RangeError('lock salt must be 16 bytes');
  return sodium.crypto_pwhash(
    32,
    new TextEncoder().encode(passphrase.normalize('NFC')),
    salt,
    cost.opslimit,
    cost.memlimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}
