import { sha256 } from '@trame/crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base 32: no I, L, O, U

/**
 * R39: a short fingerprint of an identity's public key, shown on the join screen so that the
 * newcomer can check with the inviter (in person, by phone) who made the link: 60 bits of
 * SHA-256(pk) as three groups of four characters, e.g. `7K3Q-M2XD-9PRT`.
 */
export function keyFingerprint(publicKey: Uint8Array): string {
  const h = sha256(publicKey);
  let bits = 0n;
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(h[i]!);
  let out = '';
  for (let i = 0; i < 12; i++) {
    out += ALPHABET[Number((bits >> BigInt(64 - 5 * (i + 1))) & 31n)];
    if (i === 3 || i === 7) out += '-';
  }
  return out;
}
