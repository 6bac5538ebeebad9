import { appendSignature, encodeContentBody, headerIsSigned, signingInput } from '@trame/protocol';
import { aeadEncrypt } from '../aead/aeadEncrypt.js';
import type { Identity } from '../identity/Identity.js';
import { randomNonce } from '../sodium/randomNonce.js';
import { sign } from '../signing/sign.js';

/**
 * Encrypts `plaintext` under `key` with the cleartext `header` as associated data, then signs
 * header ‖ nonce ‖ length ‖ ciphertext as `identity` (PROTOCOL.md §3.5-3.7, R5). `header` must be
 * one produced by encodeUpdateHeader / encodeSnapshotHeader / encodeEphemeralHeader; its second
 * byte is the frame kind. An UPDATE header without the SIGNED flag gives an unsigned frame (R51).
 */
export function sealContentFrame(
  header: Uint8Array,
  key: Uint8Array,
  plaintext: Uint8Array,
  identity: Identity,
): Uint8Array {
  const nonce = randomNonce();
  const ciphertext = aeadEncrypt(key, nonce, plaintext, header);
  const body = encodeContentBody(header, nonce, ciphertext);
  // R51: an UPDATE without the SIGNED flag is vouched for by a later signed link of its chain.
  if (!headerIsSigned(header)) return body;
  const signature = sign(identity.secretKey, signingInput(header[1]!, body));
  return appendSignature(body, signature);
}
