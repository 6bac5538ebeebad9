import { sodium } from '../sodium/sodium.js';
import { identityFromSecretKey } from './identityFromSecretKey.js';
import type { Identity } from './Identity.js';

/** Creates a new identity. Requires `await ready()`. */
export function generateIdentity(): Identity {
  const kp = sodium.crypto_sign_keypair();
  return identityFromSecretKey(kp.privateKey);
}
