import { concatBytes, INVITE_WRAP_BYTES, NONCE_BYTES } from '@trame/protocol';
import { aeadEncrypt } from '../aead/aeadEncrypt.js';
import { randomBytes } from '../sodium/randomBytes.js';
import { inviteWrapAd, type InviteWrapContext } from './inviteWrapAd.js';

/**
 * R76 (MEMBERSHIP-3): the outer layer of an INVITE's `sealed` field: `nonce[24] ‖
 * XChaCha20-Poly1305(wrap, sealed box, ad)`. Opening it needs both the link's secret (the
 * sealed box inside) and the wrap secret the relay keeps only while the invite is pending.
 */
export function wrapInviteSealed(wrap: Uint8Array, sealed: Uint8Array, ctx: InviteWrapContext): Uint8Array {
  if (wrap.length !== INVITE_WRAP_BYTES) throw new RangeError('an invite wrap secret is 32 bytes');
  const nonce = randomBytes(NONCE_BYTES);
  return concatBytes(nonce, aeadEncrypt(wrap, nonce, sealed, inviteWrapAd(ctx)));
}
