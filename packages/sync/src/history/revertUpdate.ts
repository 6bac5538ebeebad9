import * as Y from 'yjs';

const TRACKED = Symbol('trame-history-changes');
/** Roots that are bookkeeping, not content: not undone by a restore (HISTORY-2's author claims). */
const NOT_RESTORED = new Set(['trame:authors']);

/**
 * R114: the Yjs update that brings `doc` back to the content of a version's state, as a new edit
 * of `doc`'s own client (never by rewriting history): every change made since the version is
 * undone on a copy of the version (Yjs UndoManager over the changes since its state vector), and
 * what that undo wrote is the update. Applied to `doc` with a local origin, the provider sends
 * it like any edit: signed by the restorer, received live by the others, and undoable in turn.
 * Returns null when the document already has the version's content.
 */
export function revertUpdate(doc: Y.Doc, versionState: Uint8Array): Uint8Array | null {
  const copy = new Y.Doc({ gc: false });
  // Root types as the live document declares them (text, XML fragment, map, array), so that the
  // undo re-creates content with the right types.
  for (const [name, type] of doc.share) copy.get(name, type.constructor as typeof Y.AbstractType<unknown>);
  Y.applyUpdate(copy, versionState);
  const versionVector = Y.encodeStateVector(copy);
  const currentVector = Y.encodeStateVector(doc);
  const since = Y.encodeStateAsUpdate(doc, versionVector);
  const scope = [...copy.share].filter(([name]) => !NOT_RESTORED.has(name)).map(([, t]) => t);
  const undo = new Y.UndoManager(scope, { trackedOrigins: new Set([TRACKED]), captureTimeout: 0 });
  Y.applyUpdate(copy, since, TRACKED);
  // Roots that appeared only in the changes join the scope late: undo those too.
  for (const [name, t] of copy.share) if (!NOT_RESTORED.has(name) && !scope.includes(t)) undo.addToScope(t);
  // The revert continues the restorer's own client (R52: one client id per author). Set only now:
  // Yjs gives a document a new client id when a remote update carries structs of its own.
  copy.clientID = doc.clientID;
  let changed = false;
  while (undo.canUndo()) {
    undo.undo();
    changed = true;
  }
  undo.destroy();
  if (!changed) return null;
  const update = Y.encodeStateAsUpdate(copy, currentVector);
  copy.destroy();
  return update;
}
