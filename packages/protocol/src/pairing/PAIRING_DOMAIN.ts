const enc = /* @__PURE__ */ new TextEncoder();

/**
 * Domain strings of the pairing exchange (R5's rule: one per purpose; PROTOCOL.md §11.2). Marked
 * pure so that bundles which never link a device drop them.
 */
export const PAIRING_DOMAIN = {
  commit: /* @__PURE__ */ enc.encode('trame/v1/pair-commit\0'),
  transcript: /* @__PURE__ */ enc.encode('trame/v1/pair-transcript\0'),
  comparison: /* @__PURE__ */ enc.encode('trame/v1/pair-comparison\0'),
  key: /* @__PURE__ */ enc.encode('trame/v1/pair-key\0'),
  message: /* @__PURE__ */ enc.encode('trame/v1/pair-message\0'),
} as const;
