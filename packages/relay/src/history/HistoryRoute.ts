/** A parsed `/history/…` path (PROTOCOL.md §10.1). */
export type HistoryRoute =
  | { kind: 'retention'; spaceId: Uint8Array }
  | { kind: 'list'; spaceId: Uint8Array; docId: Uint8Array }
  | { kind: 'version'; spaceId: Uint8Array; docId: Uint8Array; versionId: Uint8Array }
  | { kind: 'name'; spaceId: Uint8Array; docId: Uint8Array; versionId: Uint8Array };
