import { createHash } from 'node:crypto';
import { chainLinkInput, headerIsSigned, SIGNATURE_BYTES } from '@trame/protocol';

// The domain prefix alone: the body is hashed after it in place, without a copy of the frame.
const PREFIX = chainLinkInput(new Uint8Array(0));

/**
 * R50 on the relay's side: the chain link of a stored UPDATE, from its bytes alone (no key):
 * SHA-256("trame/v1/chain-link\0" ‖ body), the body being the frame without its signature.
 */
export function storedChainLink(raw: Uint8Array): Uint8Array {
  const body = headerIsSigned(raw) ? raw.subarray(0, raw.length - SIGNATURE_BYTES) : raw;
  return new Uint8Array(createHash('sha256').update(PREFIX).update(body).digest());
}
