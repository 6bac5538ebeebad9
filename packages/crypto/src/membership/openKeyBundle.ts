import {
  ByteReader,
  bytesEqual,
  DOMAIN,
  ID_BYTES,
  PUBLIC_KEY_BYTES,
  TrameError,
  type KeyBundleContext,
} from '@trame/protocol';
import type { Identity } from '../identity/Identity.js';
import { decodeKeyBundle, type KeyBundle } from '../keys/keyBundle.js';
import { openSealed } from '../keys/openSealed.js';

/**
 * Opens a bundle made by {@link sealKeyBundle}. Returns the context it names (to compare with
 * where it was found: `checkKeyBundleContext`) and the keys. Throws DECRYPT_FAILED when it is
 * not sealed to this identity, KEY_BUNDLE_MISMATCH when the plaintext is not a v3 bundle.
 */
export function openKeyBundle(
  identity: Identity,
  sealed: Uint8Array,
): { context: KeyBundleContext; bundle: KeyBundle } {
  const plain = openSealed(identity, sealed);
  try {
    const r = new ByteReader(plain);
    const domain = r.take(DOMAIN.keyBundle.length, 'domain');
    if (!bytesEqual(domain, DOMAIN.keyBundle)) throw new TrameError('KEY_BUNDLE_MISMATCH', 'not a trame/v3 key bundle');
    const context: KeyBundleContext = {
      spaceId: r.take(ID_BYTES, 'spaceId').slice(),
      seq: r.u32('seq'),
      recipient: r.take(PUBLIC_KEY_BYTES, 'recipient').slice(),
      epoch: r.u32('epoch'),
    };
    return { context, bundle: decodeKeyBundle(r.take(r.remaining, 'keys')) };
  } catch (e) {
    if (e instanceof TrameError && e.code === 'KEY_BUNDLE_MISMATCH') throw e;
    throw new TrameError('KEY_BUNDLE_MISMATCH', 'key bundle does not parse', { cause: e });
  }
}
