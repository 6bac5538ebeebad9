/** A version record as decoded (PROTOCOL.md §10.2); byte fields are views into `raw`. */
export interface VersionRecord {
  /** The whole record as received (head, then the state ciphertext when present). */
  raw: Uint8Array;
  /** Bytes 0..86: associated data of both ciphertexts. */
  header: Uint8Array;
  spaceId: Uint8Array;
  docId: Uint8Array;
  versionId: Uint8Array;
  epoch: number;
  author: Uint8Array;
  metaNonce: Uint8Array;
  metaCiphertext: Uint8Array;
  stateNonce: Uint8Array;
  /** Length of the state ciphertext. */
  stateLength: number;
  /** SHA-256 of the state ciphertext. */
  stateHash: Uint8Array;
  /** What the author signed (after the domain): every byte before the signature. */
  signed: Uint8Array;
  signature: Uint8Array;
  /** The record without its state ciphertext: what a listing carries. */
  head: Uint8Array;
  /** The state ciphertext; null when only the head was decoded. */
  stateCiphertext: Uint8Array | null;
}
