import * as Y from 'yjs';

/**
 * The Yjs client ids whose structs `update` carries: a version's authors are their owners, as
 * verified awareness (R44) and local edits bind them (unknown clients are left out).
 */
export function clientsOfUpdate(update: Uint8Array): number[] {
  try {
    return [...Y.parseUpdateMeta(update).from.keys()];
  } catch {
    return [];
  }
}
