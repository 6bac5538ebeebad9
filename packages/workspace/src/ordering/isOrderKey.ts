import { generateKeyBetween } from 'fractional-indexing';

/**
 * Whether `key` is a well-formed order key. Y.Doc content comes from other members' clients,
 * so a malformed key must be repaired rather than crash the board.
 */
export function isOrderKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}
