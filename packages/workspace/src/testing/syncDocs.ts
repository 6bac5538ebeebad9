import * as Y from 'yjs';

/** Exchanges full states between replicas, as if they reconnected after working offline. */
export function syncDocs(...docs: Y.Doc[]): void {
  for (const from of docs) {
    const update = Y.encodeStateAsUpdate(from);
    for (const to of docs) if (to !== from) Y.applyUpdate(to, update, 'remote');
  }
}
