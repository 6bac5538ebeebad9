import { concatBytes, PAIRING_DOMAIN } from '@trame/protocol';
import { sha256 } from '../hash/sha256.js';

/**
 * R104: the commitment the channel's creator sends before it sees the other key:
 * `SHA-256("trame/v1/pair-commit\0" ‖ key)`. Revealed only once the joiner's key has arrived,
 * so a relay in the middle must choose the key it shows the joiner before it knows the joiner's.
 */
export function pairingCommitment(key: Uint8Array): Uint8Array {
  if (key.length !== 32) throw new RangeError('a pairing key has 32 bytes');
  return sha256(concatBytes(PAIRING_DOMAIN.commit, key));
}
