import { TrameError } from '@trame/protocol';
import type { DocumentHead } from '../storage/RelayStorage.js';

/**
 * R65: the relay forces compaction. Past `maxUpdates` updates or `maxBytes` bytes on the latest
 * snapshot, a new UPDATE is `COMPACTION_REQUIRED` until a SNAPSHOT is accepted: one writer
 * cannot grow a document's tail (and every loader's initial state) without bound. Clients
 * compact far earlier (R46: 200 updates or 512 KiB).
 */
export function checkTailBound(head: DocumentHead, frameBytes: number, maxUpdates: number, maxBytes: number): void {
  if (head.tailCount + 1 > maxUpdates || head.tailBytes + frameBytes > maxBytes) {
    throw new TrameError(
      'COMPACTION_REQUIRED',
      `the tail holds ${head.tailCount} updates (${head.tailBytes} bytes): publish a SNAPSHOT first`,
    );
  }
}
