import * as Y from 'yjs';

/** Applies `update` to `doc` with `origin`; returns what it changed, or null if nothing. */
export function applyAndCapture(doc: Y.Doc, update: Uint8Array, origin: symbol): Uint8Array | null {
  let delta: Uint8Array | null = null;
  const capture = (u: Uint8Array, from: unknown): void => {
    if (from === origin) delta = u;
  };
  doc.on('update', capture);
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    doc.off('update', capture);
  }
  return delta;
}
