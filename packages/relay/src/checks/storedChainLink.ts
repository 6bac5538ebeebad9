import { chainLinkInput, headerIsSigned, SIGNATURE_BYTES } from '@trame/protocol';
import { sha256 } from '../crypto/sha256.js';

/**
 * R50 on the relay's side: the chain link of a stored UPDATE, from its bytes alone (no key):
 * SHA-256("trame/v1/chain-link\0" ‖ body), the body being the frame without its signature.
 */
export function storedChainLink(raw: Uint8Array): Uint8Array {
  const body = headerIsSigned(raw) ? raw.subarray(0, raw.length - SIGNATURE_BYTES) : raw;
  return sha256(chainLinkInput(body));
}
