import { createPublicKey, verify } from 'node:crypto';
import { isStrictPublicKey, isStrictSignature } from '@trame/protocol';

const DOMAIN = Buffer.from('trame/v1/backup\0');

/** Largest backup body the relay stores (R91). */
export const MAX_BACKUP_BYTES = 64 * 1024;

/**
 * R91: a backup body `version u64 ‖ sig[64] ‖ blob` is accepted for id `id` (an Ed25519 public
 * key derived from the person's recovery phrase) only when `sig` verifies under `id` over
 * `"trame/v1/backup\0" ‖ id ‖ version ‖ blob`, both passing the strict Ed25519 rule (R36).
 * Returns the version, or null. The relay never sees what the blob holds.
 */
export function verifyBackupBody(id: Uint8Array, body: Uint8Array): number | null {
  if (body.length < 8 + 64 + 24 + 16 || body.length > MAX_BACKUP_BYTES) return null;
  if (!isStrictPublicKey(id)) return null;
  const sig = body.subarray(8, 72);
  if (!isStrictSignature(sig)) return null;
  const version = new DataView(body.buffer, body.byteOffset).getBigUint64(0);
  if (version > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const signed = Buffer.concat([DOMAIN, id, body.subarray(0, 8), body.subarray(72)]);
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(id).toString('base64url') },
    format: 'jwk',
  });
  return verify(null, signed, key, sig) ? Number(version) : null;
}
