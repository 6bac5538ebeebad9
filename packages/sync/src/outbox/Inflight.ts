import type { SnapshotHead } from '../verify/SnapshotHead.js';

/** The one UPDATE waiting for its ACK (R45). */
export interface InflightUpdate {
  kind: 'update';
  frame: Uint8Array;
  snapshotId: Uint8Array;
  clock: number;
  /** The Yjs update it carries, re-sent under a new clock if the frame must be rebuilt. */
  content: Uint8Array;
  /** Its chain link (R50): the next UPDATE on the same snapshot names it. */
  link: Uint8Array;
  /** Whether it carries a signature (R51). */
  signed: boolean;
  /** The key epoch it is sealed under (R73). */
  epoch: number;
}

/** The one SNAPSHOT waiting for its ACK (R46). */
export interface InflightSnapshot {
  kind: 'snapshot';
  frame: Uint8Array;
  head: SnapshotHead;
  /** Local edits published inside this snapshot (too large for an UPDATE). */
  includes: Uint8Array[];
  /** The key epoch it is sealed under (R73). */
  epoch: number;
}

export type Inflight = InflightUpdate | InflightSnapshot;
