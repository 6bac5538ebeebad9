const enc = new TextEncoder();

/** Domain strings of the pairing exchange (R5's rule: one per purpose; PROTOCOL.md §11.3). */
export const PAIRING_DOMAIN = {
  commit: enc.encode('trame/v1/pair-commit\0'),
  transcript: enc.encode('trame/v1/pair-transcript\0'),
  comparison: enc.encode('trame/v1/pair-comparison\0'),
  key: enc.encode('trame/v1/pair-key\0'),
  message: enc.encode('trame/v1/pair-message\0'),
} as const;
