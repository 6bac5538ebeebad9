/** The snapshot a client holds: what the next snapshot's proof chains to (R24, R43). */
export interface SnapshotHead {
  id: Uint8Array;
  height: number;
  proof: Uint8Array;
  /** SHA-256 of the snapshot's whole frame. */
  frameHash: Uint8Array;
}
