import { randomBytes } from 'node:crypto';

/** A random 16-byte id (space, document, snapshot). */
export function randomId(): Uint8Array {
  return new Uint8Array(randomBytes(16));
}
