import * as Y from 'yjs';
import { revertUpdate } from './revertUpdate.js';

/** Origin of the transaction that applies a restore (a local edit of the restorer). */
export const RESTORE_ORIGIN = Symbol('trame-restore');

/**
 * R114: makes `doc` show a version's content again by one new local edit (`revertUpdate`),
 * which the provider sends like any other: signed by the restorer, received live by everyone
 * with the document open, nothing of the history rewritten. Returns whether anything changed.
 */
export function restoreVersion(doc: Y.Doc, versionState: Uint8Array): boolean {
  const update = revertUpdate(doc, versionState);
  if (!update) return false;
  doc.transact((tr) => {
    Y.applyUpdate(doc, update);
    // applyUpdate marks the transaction remote; it is this writer's own edit (its own client id:
    // left remote, Yjs would think another client uses the id and draw a new one).
    tr.local = true;
  }, RESTORE_ORIGIN);
  return true;
}
