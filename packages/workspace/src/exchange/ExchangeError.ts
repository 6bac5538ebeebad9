/**
 * Why a file could not be imported. Numbers are stable (docs/ERRORS.md, 7xxx): the import
 * dialog shows a sentence per code.
 */
export const EXCHANGE_ERRORS = {
  /** Not a format Trame reads (by name and content). */
  IMPORT_UNSUPPORTED: 7001,
  /** The file claims a format but its content does not parse. */
  IMPORT_INVALID: 7002,
  /** Over the size or count limits (file, unpacked XML, cards). */
  IMPORT_TOO_LARGE: 7003,
} as const;

export type ExchangeErrorCode = keyof typeof EXCHANGE_ERRORS;

/** An import refused; `cause` keeps the parser's own error when there is one. */
export class ExchangeError extends Error {
  readonly code: ExchangeErrorCode;
  readonly number: number;

  constructor(code: ExchangeErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? code, options);
    this.name = 'ExchangeError';
    this.code = code;
    this.number = EXCHANGE_ERRORS[code];
  }
}
