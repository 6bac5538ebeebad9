import { bytesEqual, checkKeyBundleContext, TrameError, type KeyBundleContext } from '@trame/protocol';
import type { Identity } from '../identity/Identity.js';
import type { KeyBundle } from '../keys/keyBundle.js';
import { keyCommitment } from './keyCommitment.js';
import { openKeyBundle } from './openKeyBundle.js';

/**
 * What a client takes from a bundle sealed to it in a membership entry: opened, named for the
 * place it was found in (R71, KEY_BUNDLE_MISMATCH), and every key equal to the commitment of
 * the entry that opened its epoch (R72, KEY_COMMITMENT_MISMATCH). All or nothing: a bundle
 * with one bad key gives no key. Throws TrameError (DECRYPT_FAILED too).
 */
export function openVerifiedKeyBundle(
  identity: Identity,
  found: KeyBundleContext,
  sealed: Uint8Array,
  keyCommits: ReadonlyMap<number, Uint8Array>,
): KeyBundle {
  const { context, bundle } = openKeyBundle(identity, sealed);
  const moved = checkKeyBundleContext(found, context);
  if (moved) throw moved;
  for (const [epoch, key] of bundle) {
    const commit = keyCommits.get(epoch);
    if (!commit || !bytesEqual(commit, keyCommitment(key, found.spaceId, epoch))) {
      throw new TrameError(
        'KEY_COMMITMENT_MISMATCH',
        `the key for epoch ${epoch} is not the one its entry committed to`,
      );
    }
  }
  return bundle;
}
