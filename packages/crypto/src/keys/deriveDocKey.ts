import { concatBytes, DOMAIN, ID_BYTES } from '@trame/protocol';
import { sodium } from '../sodium/sodium.js';

/**
 * A document's content key: keyed BLAKE2b-256 of the document id under the space key of an
 * epoch (PROTOCOL.md §4), so one document's key never opens another.
 */
export function deriveDocKey(spaceKey: Uint8Array, docId: Uint8Array): Uint8Array {
  if (spaceKey.length !== 32 || docId.length !== ID_BYTES) throw new RangeError('bad key or id size');
  return sodium.crypto_generichash(32, concatBytes(DOMAIN.docKey, docId), spaceKey);
}
