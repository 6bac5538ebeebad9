import { ByteWriter, DOMAIN, ID_BYTES, PUBLIC_KEY_BYTES, type KeyBundleContext } from '@trame/protocol';
import { encodeKeyBundle, type KeyBundle } from '../keys/keyBundle.js';
import { sealToIdentity } from '../keys/sealToIdentity.js';

/**
 * R71: seals space keys to `context.recipient`, the plaintext being
 * `"trame/v3/key-bundle\0" ‖ spaceId[16] ‖ u32 seq ‖ recipient[32] ‖ u32 epoch ‖ bundle`
 * (`crypto_box_seal` has no associated data, so the context travels inside and is checked by
 * the recipient: {@link openKeyBundle}).
 */
export function sealKeyBundle(context: KeyBundleContext, bundle: KeyBundle): Uint8Array {
  const keys = encodeKeyBundle(bundle);
  const plain = new ByteWriter(DOMAIN.keyBundle.length + ID_BYTES + 8 + PUBLIC_KEY_BYTES + keys.length)
    .bytes(DOMAIN.keyBundle)
    .fixed(context.spaceId, ID_BYTES)
    .u32(context.seq)
    .fixed(context.recipient, PUBLIC_KEY_BYTES)
    .u32(context.epoch)
    .bytes(keys)
    .finish();
  return sealToIdentity(context.recipient, plain);
}
