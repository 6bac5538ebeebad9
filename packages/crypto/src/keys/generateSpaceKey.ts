import { randomBytes } from '../sodium/randomBytes.js';

/** A fresh 32-byte space key for one epoch. */
export function generateSpaceKey(): Uint8Array {
  return randomBytes(32);
}
