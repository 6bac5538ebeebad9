import * as Y from 'yjs';

/**
 * The Yjs client ids whose structs a v1 update carries (R52). Throws on an update that does
 * not parse, before anything is applied.
 */
export function readUpdateClients(update: Uint8Array): number[] {
  return [...Y.parseUpdateMeta(update).to.keys()];
}
