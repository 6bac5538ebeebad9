import { TrameError, type UpdateFrame } from '@trame/protocol';
import { aeadDecrypt } from '../aead/aeadDecrypt.js';
import { verifyContentFrame } from './verifyContentFrame.js';

/**
 * R51: opens an UPDATE that may be unsigned. A signed one is verified as by openContentFrame;
 * an unsigned one is only decrypted (the AEAD proves a member wrote it). The caller must have
 * checked its chain link (R50): the author's next signature vouches for it only through the chain.
 */
export function openChainedUpdate(frame: UpdateFrame, key: Uint8Array): Uint8Array {
  if (frame.signed) verifyContentFrame(frame);
  else if (frame.signature.length !== 0) throw new TrameError('MALFORMED_FRAME', 'unsigned update with a signature');
  return aeadDecrypt(key, frame.nonce, frame.ciphertext, frame.header);
}
