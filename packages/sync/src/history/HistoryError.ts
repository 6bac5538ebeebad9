/** What can go wrong with version history (docs/ERRORS.md, 8040-8046; client only). */
export type HistoryErrorCode =
  | 'HISTORY_UNAVAILABLE'
  | 'HISTORY_FORBIDDEN'
  | 'VERSION_NOT_FOUND'
  | 'VERSION_TAMPERED'
  | 'VERSION_NO_KEY'
  | 'HISTORY_LIMIT'
  | 'HISTORY_INVALID';

/** Numbers of the history codes (docs/ERRORS.md). */
export const HISTORY_ERROR_NUMBERS: Readonly<Record<HistoryErrorCode, number>> = {
  HISTORY_UNAVAILABLE: 8040,
  HISTORY_FORBIDDEN: 8041,
  VERSION_NOT_FOUND: 8042,
  VERSION_TAMPERED: 8043,
  VERSION_NO_KEY: 8044,
  HISTORY_LIMIT: 8045,
  HISTORY_INVALID: 8046,
};

/** A history failure with its code; `cause` keeps the underlying error. */
export class HistoryError extends Error {
  readonly code: HistoryErrorCode;
  readonly number: number;

  constructor(code: HistoryErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? code, options);
    this.name = 'HistoryError';
    this.code = code;
    this.number = HISTORY_ERROR_NUMBERS[code];
  }
}
