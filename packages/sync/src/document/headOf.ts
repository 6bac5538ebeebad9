import { sha256 } from '@trame/crypto';
import type { SnapshotFrame } from '@trame/protocol';
import type { SnapshotHead } from '../verify/SnapshotHead.js';

/** What a client keeps of a snapshot to chain the next one to it (R24, R43). */
export function headOf(f: SnapshotFrame): SnapshotHead {
  return { id: f.snapshotId.slice(), height: f.height, proof: f.proof.slice(), frameHash: sha256(f.raw) };
}
