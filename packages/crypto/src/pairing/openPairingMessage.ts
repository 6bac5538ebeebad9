import { aeadDecrypt } from '../aead/aeadDecrypt.js';
import { pairingMessageAd } from './pairingMessageAd.js';

/** R104: opens the `seq`-th sealed message of a direction; `DECRYPT_FAILED` otherwise. */
export function openPairingMessage(
  key: Uint8Array,
  seq: number,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
): Uint8Array {
  return aeadDecrypt(key, nonce, ciphertext, pairingMessageAd(seq));
}
