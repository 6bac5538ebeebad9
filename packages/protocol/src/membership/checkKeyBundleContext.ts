import { TrameError } from '../errors/TrameError.js';
import { bytesEqual } from '../util/bytesEqual.js';
import type { KeyBundleContext } from './KeyBundleContext.js';

/**
 * R71: the context a bundle's plaintext names must be the entry it was found in, for this
 * recipient; otherwise KEY_BUNDLE_MISMATCH (the bundle is ignored, no key taken from it). Pure.
 */
export function checkKeyBundleContext(found: KeyBundleContext, named: KeyBundleContext): TrameError | null {
  const wrong: string[] = [];
  if (!bytesEqual(found.spaceId, named.spaceId)) wrong.push('space');
  if (found.seq !== named.seq) wrong.push(`seq ${named.seq} (found at ${found.seq})`);
  if (!bytesEqual(found.recipient, named.recipient)) wrong.push('recipient');
  if (found.epoch !== named.epoch) wrong.push(`epoch ${named.epoch} (entry epoch ${found.epoch})`);
  return wrong.length === 0
    ? null
    : new TrameError('KEY_BUNDLE_MISMATCH', `key bundle made for another ${wrong.join(', ')}`);
}
