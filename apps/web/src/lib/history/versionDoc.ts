import * as Y from 'yjs';

/** A version's Yjs state as a Y.Doc to read (never connected: a read-only copy). */
export function versionDoc(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
