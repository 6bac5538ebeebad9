import { generateKeyPairSync, sign } from 'node:crypto';
import { toHex } from '@trame/protocol';

/** An Ed25519 identity for tests, signing with node:crypto. */
export interface TestIdentity {
  publicKey: Uint8Array;
  hex: string;
  sign(message: Uint8Array): Uint8Array;
}

/** A fresh identity; the raw public key is the last 32 bytes of its SPKI DER export. */
export function createTestIdentity(): TestIdentity {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const raw = new Uint8Array(spki.subarray(spki.length - 32));
  return {
    publicKey: raw,
    hex: toHex(raw),
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
  };
}
