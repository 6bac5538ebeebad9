import { randomBytes } from 'node:crypto';

/** A fresh room name: 16 random bytes in hex, a Trame document id and a peer room name alike. */
export function randomRoom(): string {
  return randomBytes(16).toString('hex');
}
