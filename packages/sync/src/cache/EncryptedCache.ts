import { concatBytes, NONCE_BYTES } from '@trame/protocol';
import { aeadDecrypt, aeadEncrypt, randomBytes } from '@trame/crypto';
import type { LocalCache } from './LocalCache.js';

const enc = new TextEncoder();

/**
 * Encryption at rest for the local cache: every value is XChaCha20-Poly1305 under a device key,
 * with the entry's name as associated data (so values cannot be swapped between entries).
 * A value that does not open (other key, corruption) reads as absent: the relay has the truth.
 */
export class EncryptedCache implements LocalCache {
  constructor(
    private readonly store: LocalCache,
    private readonly key: Uint8Array,
  ) {
    if (key.length !== 32) throw new RangeError('cache key must be 32 bytes');
  }

  async get(name: string): Promise<Uint8Array | undefined> {
    const sealed = await this.store.get(name);
    if (!sealed || sealed.length < NONCE_BYTES + 16) return undefined;
    try {
      return aeadDecrypt(this.key, sealed.subarray(0, NONCE_BYTES), sealed.subarray(NONCE_BYTES), enc.encode(name));
    } catch {
      return undefined;
    }
  }

  async set(name: string, value: Uint8Array): Promise<void> {
    const nonce = randomBytes(NONCE_BYTES);
    await this.store.set(name, concatBytes(nonce, aeadEncrypt(this.key, nonce, value, enc.encode(name))));
  }

  delete(name: string): Promise<void> {
    return this.store.delete(name);
  }
}
