import { createPublicKey, type KeyObject } from 'node:crypto';

// DER header of an SPKI-wrapped Ed25519 key: node:crypto has no "raw" import format for it.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Wraps a raw 32-byte Ed25519 public key into a node:crypto KeyObject. Throws if malformed. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new RangeError('an Ed25519 public key has 32 bytes');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}
