import { TrameError } from '@trame/protocol';
import { sodium } from '../sodium/sodium.js';
import { identityFromSecretKey } from './identityFromSecretKey.js';
import type { Identity } from './Identity.js';

/** Rebuilds an identity from its 32-byte seed (the compact form carried by invite links). */
export function identityFromSeed(seed: Uint8Array): Identity {
  if (seed.length !== 32) throw new TrameError('NO_KEY', 'an identity seed has 32 bytes');
  return identityFromSecretKey(sodium.crypto_sign_seed_keypair(seed).privateKey);
}
