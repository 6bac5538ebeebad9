import type * as Y from 'yjs';
import { setIfChanged } from '../util/setIfChanged.js';
import { LOCK_REQUIRED_KEY } from './readLockRequired.js';
import { INDEX_ROOTS } from './SpaceIndex.js';

/** DEVICES-4: asks (or stops asking) the space's members to lock their devices. */
export function setLockRequired(doc: Y.Doc, required: boolean): void {
  setIfChanged(doc.getMap<unknown>(INDEX_ROOTS.meta), LOCK_REQUIRED_KEY, required);
}
