/** What the clock rules need of one UPDATE of a tail. */
export interface TailEntry {
  /** Hex of the author's public key. */
  author: string;
  clock: number;
  snapshotId: Uint8Array;
}
