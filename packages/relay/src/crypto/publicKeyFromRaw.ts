import { createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Wraps a raw 32-byte Ed25519 public key into a node:crypto KeyObject. Throws if malformed.
 * node:crypto has no "raw" import format for it; a JWK import is about 12× cheaper than the
 * SPKI/DER one (6 µs against 80 µs here: OpenSSL tries several DER decoders first).
 */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new RangeError('an Ed25519 public key has 32 bytes');
  const x = Buffer.from(raw.buffer, raw.byteOffset, raw.length).toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}
