import { randomBytes } from '@trame/crypto';

/** A fresh random 128-bit document id (names and titles live only inside encrypted content). */
export function newDocId(): Uint8Array {
  return randomBytes(16);
}
