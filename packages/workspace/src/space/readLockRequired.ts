import type * as Y from 'yjs';
import { INDEX_ROOTS } from './SpaceIndex.js';

/** Key of the space index's `meta` map that holds {@link readLockRequired}. */
export const LOCK_REQUIRED_KEY = 'deviceLockRequired';

/**
 * DEVICES-4: whether the space asks its members' devices to be locked with a passphrase
 * (set by animateurs for Juridique, Sécurité…). The app then insists until the device is locked.
 */
export function readLockRequired(doc: Y.Doc): boolean {
  return doc.getMap<unknown>(INDEX_ROOTS.meta).get(LOCK_REQUIRED_KEY) === true;
}
