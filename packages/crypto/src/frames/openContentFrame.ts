import type { EphemeralFrame, SnapshotFrame, UpdateFrame } from '@trame/protocol';
import { aeadDecrypt } from '../aead/aeadDecrypt.js';
import { verifyContentFrame } from './verifyContentFrame.js';

/**
 * Verifies the author's signature, then decrypts with the header as associated data (R40).
 * Throws SIGNATURE_INVALID or DECRYPT_FAILED; returns the plaintext.
 */
export function openContentFrame(frame: UpdateFrame | SnapshotFrame | EphemeralFrame, key: Uint8Array): Uint8Array {
  verifyContentFrame(frame);
  return aeadDecrypt(key, frame.nonce, frame.ciphertext, frame.header);
}
