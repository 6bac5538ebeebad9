import { snapshotProofInput } from '@trame/protocol';
import { sha256 } from '../crypto/sha256.js';
import type { DocumentHead } from '../storage/RelayStorage.js';

/**
 * R24: the proof the next snapshot on `head` must carry. The empty head has zero proof and
 * zero frame hash, which is exactly the "zero hashes for a first snapshot" case.
 */
export function expectedSnapshotProof(head: DocumentHead): Uint8Array {
  return sha256(snapshotProofInput(head.proof, head.frameHash));
}
