import { ZERO_HASH, ZERO_ID } from '@trame/protocol';
import type { DocumentHead } from '../storage/RelayStorage.js';

/** Head of a document nothing was written to: no snapshot, empty tail (R22, R24). */
export function emptyDocumentHead(): DocumentHead {
  return { snapshotId: ZERO_ID, height: 0, proof: ZERO_HASH, frameHash: ZERO_HASH, tailCount: 0, tailBytes: 0 };
}
