import { sodium } from '../sodium/sodium.js';

/** `crypto_box_seal` to the X25519 counterpart of an Ed25519 identity key. */
export function sealToIdentity(recipientPublicKey: Uint8Array, message: Uint8Array): Uint8Array {
  return sodium.crypto_box_seal(message, sodium.crypto_sign_ed25519_pk_to_curve25519(recipientPublicKey));
}
