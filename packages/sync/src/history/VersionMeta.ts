/** The encrypted metadata of a version (PROTOCOL.md §10.2), JSON. */
export interface VersionMeta {
  v: 1;
  startAt: number;
  endAt: number;
  authors: string[];
  restoredFrom: string | null;
  /** Yjs encoding of the state: 2 (`encodeStateAsUpdateV2`). */
  enc: 2;
}
