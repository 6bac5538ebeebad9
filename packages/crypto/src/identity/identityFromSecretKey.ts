import { TrameError } from '@trame/protocol';
import { sodium } from '../sodium/sodium.js';
import type { Identity } from './Identity.js';

/** Rebuilds an identity from its stored 64-byte Ed25519 secret key. */
export function identityFromSecretKey(secretKey: Uint8Array): Identity {
  if (secretKey.length !== 64) throw new TrameError('NO_KEY', 'an identity secret key has 64 bytes');
  // libsodium's Ed25519 secret key is seed ‖ public key
  const publicKey = secretKey.slice(32);
  return {
    publicKey,
    secretKey: secretKey.slice(),
    boxPublicKey: sodium.crypto_sign_ed25519_pk_to_curve25519(publicKey),
    boxSecretKey: sodium.crypto_sign_ed25519_sk_to_curve25519(secretKey),
  };
}
