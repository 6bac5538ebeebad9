import { aeadEncrypt } from '../aead/aeadEncrypt.js';
import { randomBytes } from '../sodium/randomBytes.js';
import { pairingMessageAd } from './pairingMessageAd.js';

/**
 * R104: encrypts the `seq`-th message (0, 1, 2… per direction) under the direction's key, random
 * nonce, the sequence number in the associated data: a relay that drops, repeats or reorders
 * sealed messages makes the next one fail to open.
 */
export function sealPairingMessage(
  key: Uint8Array,
  seq: number,
  plaintext: Uint8Array,
): { nonce: Uint8Array; ciphertext: Uint8Array } {
  const nonce = randomBytes(24);
  return { nonce, ciphertext: aeadEncrypt(key, nonce, plaintext, pairingMessageAd(seq)) };
}
