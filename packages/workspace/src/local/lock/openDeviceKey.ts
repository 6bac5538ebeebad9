import { deriveLockKey } from './deriveLockKey.js';
import { LOCK_AD, type LockedKey } from './LockedKey.js';
import { loadSodiumSumo } from './loadSodiumSumo.js';

/** Opens a {@link LockedKey}; null when the passphrase is wrong (or the record damaged). */
export async function openDeviceKey(locked: LockedKey, passphrase: string): Promise<Uint8Array | null> {
  const sodium = await loadSodiumSumo();
  const kek = await deriveLockKey(passphrase, locked.salt, locked);
  try {
    const key = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, locked.sealed, LOCK_AD, locked.nonce, kek);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  } finally {
    sodium.memzero(kek);
  }
}
