import { verify } from 'node:crypto';
import { isStrictPublicKey, isStrictSignature } from '@trame/protocol';
import { KeyObjectCache } from './KeyObjectCache.js';

// A few hundred identities cover the members of every space of a typical instance; a miss costs 6 µs.
const keys = new KeyObjectCache(512);

/**
 * Ed25519 verification with node:crypto. The relay verifies only AUTH and MEMBERSHIP
 * signatures (R12, R33); it never needs, and never gets, a decryption key.
 * Returns false rather than throwing for keys that are not valid curve points.
 * R36: OpenSSL accepts small-order keys and R values that libsodium refuses (under the neutral
 * key, R = neutral and S = 0 verifies for every message); the shared strict rule runs first so
 * that the relay and clients accept exactly the same signatures.
 */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (!isStrictPublicKey(publicKey) || !isStrictSignature(signature)) return false;
  try {
    return verify(null, message, keys.get(publicKey), signature);
  } catch {
    return false;
  }
}
