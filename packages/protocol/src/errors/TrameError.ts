import { ERROR_CODES, type ErrorCode } from './errorCodes.js';

/** Extra facts attached to an error; never document content. */
export interface TrameErrorDetails {
  /** First and last missing clock, for CLOCK_GAP and MISSING_UPDATES. */
  range?: { from: number; to: number };
  /** Hex id of the latest snapshot, for STALE_SNAPSHOT and SNAPSHOT_CONFLICT. */
  latestSnapshotId?: string;
  [key: string]: unknown;
}

/**
 * The one error class of Trame. Low-level primitives throw it; boundaries (the relay's
 * message handler, the client's verify-and-decrypt) turn it into ERROR frames or events.
 */
export class TrameError extends Error {
  readonly code: ErrorCode;
  readonly number: number;
  readonly details: TrameErrorDetails;

  constructor(code: ErrorCode, message?: string, details: TrameErrorDetails = {}) {
    super(message ?? code);
    this.name = 'TrameError';
    this.code = code;
    this.number = ERROR_CODES[code];
    this.details = details;
  }
}

/** Narrows an unknown thrown value. */
export function isTrameError(e: unknown): e is TrameError {
  return e instanceof TrameError;
}
