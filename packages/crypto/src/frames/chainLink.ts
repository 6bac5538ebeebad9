import { chainLinkInput } from '@trame/protocol';
import { sha256 } from '../hash/sha256.js';

/**
 * R50: the chain link of a content frame: SHA-256 of the chain-link domain and the frame's body
 * (header, nonce, length, ciphertext; never the signature, which is optional on an UPDATE).
 */
export function chainLink(body: Uint8Array): Uint8Array {
  return sha256(chainLinkInput(body));
}
