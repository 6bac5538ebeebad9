import { NONCE_BYTES, TrameError } from '@trame/protocol';
import { aeadDecrypt } from '../aead/aeadDecrypt.js';
import { inviteWrapAd, type InviteWrapContext } from './inviteWrapAd.js';

/**
 * R76: removes the outer layer of an INVITE's `sealed` field with the relay's wrap secret,
 * giving the sealed box inside. Throws DECRYPT_FAILED with a wrong secret or context.
 */
export function unwrapInviteSealed(wrap: Uint8Array, wrapped: Uint8Array, ctx: InviteWrapContext): Uint8Array {
  if (wrapped.length <= NONCE_BYTES) throw new TrameError('DECRYPT_FAILED', 'wrapped invite bundle is too short');
  return aeadDecrypt(wrap, wrapped.subarray(0, NONCE_BYTES), wrapped.subarray(NONCE_BYTES), inviteWrapAd(ctx));
}
