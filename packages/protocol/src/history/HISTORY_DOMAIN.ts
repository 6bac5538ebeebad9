const enc = new TextEncoder();

/** Domain-separation prefixes of version history (R5, PROTOCOL.md §10). */
export const HISTORY_DOMAIN = {
  /** R105: signature of an HTTP request to `/history/…`. */
  request: enc.encode('trame/v1/history-request\0'),
  /** R107: signature of a version's head (its state is covered through `stateHash`). */
  version: enc.encode('trame/v1/version\0'),
  /** Associated-data prefix of a version's encrypted metadata (times, authors). */
  versionMeta: enc.encode('trame/v1/version-meta\0'),
  /** Associated-data prefix of a version's encrypted Yjs state. */
  versionState: enc.encode('trame/v1/version-state\0'),
  /** R109: signature and associated-data prefix of a version's name record. */
  versionName: enc.encode('trame/v1/version-name\0'),
} as const;
