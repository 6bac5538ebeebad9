/** A version's name record as decoded (PROTOCOL.md §10.3); byte fields are views into `raw`. */
export interface NameRecord {
  raw: Uint8Array;
  /** Bytes 0..86: the associated data of the name's ciphertext. */
  header: Uint8Array;
  spaceId: Uint8Array;
  docId: Uint8Array;
  versionId: Uint8Array;
  epoch: number;
  /** Who named the version. */
  author: Uint8Array;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
  /** Every byte before the signature. */
  signed: Uint8Array;
  signature: Uint8Array;
}
