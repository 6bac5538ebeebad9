/**
 * Every typed error of Trame, with its stable number. Codes 1000-5999 can travel in an ERROR
 * frame from the relay; 6000-6999 are raised by clients when they verify what the relay served.
 * docs/ERRORS.md lists the recovery for each one; keep both in step.
 */
export const ERROR_CODES = {
  // 1xxx: the frame itself
  MALFORMED_FRAME: 1001,
  UNSUPPORTED_VERSION: 1002,
  FRAME_TOO_LARGE: 1003,
  UNEXPECTED_FRAME: 1004,
  RATE_LIMITED: 1005,
  // 2xxx: who is asking
  AUTH_FAILED: 2001,
  AUTH_TIMEOUT: 2002,
  UNKNOWN_SPACE: 2003,
  NOT_A_MEMBER: 2004,
  FORBIDDEN_ROLE: 2005,
  AUTHOR_MISMATCH: 2006,
  WRONG_TARGET: 2007,
  SPACE_EXISTS: 2008,
  /** R68: the operator's space-creation policy does not let this identity or connection create one. */
  CREATION_FORBIDDEN: 2009,
  /** R101: no pairing channel with this id (never made, expired, or its creator left). DEVICES-1. */
  PAIRING_UNKNOWN: 2020,
  /** R101: the pairing channel already has its two devices. */
  PAIRING_FULL: 2021,
  /** R103: the pairing channel's lifetime ended. */
  PAIRING_EXPIRED: 2022,
  /** R103: the other device closed the pairing channel. */
  PAIRING_PEER_LEFT: 2023,
  // 3xxx: ordering of document history
  CLOCK_GAP: 3001,
  CLOCK_REPLAY: 3002,
  STALE_SNAPSHOT: 3003,
  SNAPSHOT_CONFLICT: 3004,
  SNAPSHOT_INCOMPLETE: 3005,
  BAD_PROOF: 3006,
  STALE_EPOCH: 3007,
  /** R80, R81: a prevLink or a snapshot's listed link is not the stored chain's (INTEGRITY-4). */
  CHAIN_MISMATCH: 3010,
  /** R65: the tail is at the relay's bound; a SNAPSHOT must come first (3020: clear of 3008+). */
  COMPACTION_REQUIRED: 3020,
  // 4xxx: membership log
  MEMBERSHIP_CHAIN: 4001,
  BAD_SIGNATURE: 4002,
  INVALID_MEMBERSHIP: 4003,
  /** R75: an INVITE came without its wrap secret on the same connection (4010: clear of 4004+). */
  INVITE_WRAP_MISSING: 4010,
  // 5xxx: the relay itself (retry later)
  UNAVAILABLE: 5001,
  SLOW_READER: 5002,
  INTERNAL: 5003,
  /** R67: the space stores as many bytes as the operator allows. */
  QUOTA_EXCEEDED: 5004,
  // 6xxx: detected by a client while verifying what it received
  SIGNATURE_INVALID: 6001,
  DECRYPT_FAILED: 6002,
  ROLLBACK_DETECTED: 6003,
  MISSING_UPDATES: 6004,
  REPLAY_DETECTED: 6005,
  FORK_DETECTED: 6006,
  NO_KEY: 6007,
  AWARENESS_FORGED: 6008,
  UNTRUSTED_AUTHOR: 6009,
  CONNECTION_CLOSED: 6010,
  MEMBERSHIP_FORK: 6011,
  MEMBERSHIP_ROLLBACK: 6012,
  INVITE_MISMATCH: 6013,
  CHAIN_BROKEN: 6020,
  SNAPSHOT_UNREADABLE: 6021,
  UPDATE_UNREADABLE: 6022,
  CLIENT_ID_FORGED: 6023,
  SNAPSHOT_MISMATCH: 6024,
  ROLLBACK_SUSPECTED: 6025,
  DURABLE_MISSING: 6026,
  /** R71: a sealed key bundle names another space, entry, recipient or epoch than where it is. */
  KEY_BUNDLE_MISMATCH: 6030,
  /** R72: a key in a bundle does not match the commitment of the entry that opened its epoch. */
  KEY_COMMITMENT_MISMATCH: 6031,
  /** R116: an author claim (`trame:authors`, R115) names another person than the one whose key signed its client id's frames. */
  AUTHOR_CLAIM_FORGED: 6050,
} as const;

/** Name of a typed error, e.g. `'CLOCK_GAP'`. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Numeric value of a typed error, as carried in ERROR frames. */
export type ErrorNumber = (typeof ERROR_CODES)[ErrorCode];

const byNumber = new Map<number, ErrorCode>(
  (Object.entries(ERROR_CODES) as Array<[ErrorCode, number]>).map(([name, n]) => [n, name]),
);

/** Looks up a code by its number; unknown numbers (from a newer relay) map to `INTERNAL`. */
export function errorCodeFromNumber(n: number): ErrorCode {
  return byNumber.get(n) ?? 'INTERNAL';
}

/** Whether retrying the same operation later can succeed without user action. */
export function isRetryable(code: ErrorCode): boolean {
  const n = ERROR_CODES[code];
  return (n >= 5000 && n < 6000) || code === 'RATE_LIMITED' || code === 'AUTH_TIMEOUT';
}
