import { TrameError } from '@trame/protocol';
import type { Identity } from '../identity/Identity.js';
import { sodium } from '../sodium/sodium.js';

/** Opens a sealed box addressed to this identity; throws DECRYPT_FAILED otherwise. */
export function openSealed(identity: Identity, sealed: Uint8Array): Uint8Array {
  try {
    return sodium.crypto_box_seal_open(sealed, identity.boxPublicKey, identity.boxSecretKey);
  } catch {
    throw new TrameError('DECRYPT_FAILED', 'sealed key is not addressed to this identity');
  }
}
