import type * as Y from 'yjs';
import type { EditStamp } from './RoomPlan.js';
import { now } from './now.js';

/**
 * Stamps every remote keystroke when a transaction integrates it into the editor's document:
 * the Yjs clocks a client advanced by name its characters (one per key, inserts only), also
 * when several keys arrived merged in one update.
 */
export function recordRemoteEdits(doc: Y.Doc, into: EditStamp[], enabled: () => boolean): void {
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.local || !enabled()) return;
    const at = now();
    for (const [client, after] of tr.afterState) {
      for (let clock = tr.beforeState.get(client) ?? 0; clock < after; clock++) into.push([client, clock, at]);
    }
  });
}
