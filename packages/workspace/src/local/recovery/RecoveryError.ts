/** What can go wrong with the recovery phrase and its backup (docs/ERRORS.md, 801x). */
export type RecoveryErrorCode =
  'BACKUP_NOT_FOUND' | 'PHRASE_INVALID' | 'BACKUP_UNREADABLE' | 'BACKUP_UNAVAILABLE' | 'PHRASE_NOT_ON_THIS_DEVICE';

/** Numbers of the recovery codes (docs/ERRORS.md). */
export const RECOVERY_ERROR_NUMBERS: Readonly<Record<RecoveryErrorCode, number>> = {
  BACKUP_NOT_FOUND: 8010,
  PHRASE_INVALID: 8011,
  BACKUP_UNREADABLE: 8012,
  BACKUP_UNAVAILABLE: 8013,
  PHRASE_NOT_ON_THIS_DEVICE: 8014,
};

/** A recovery failure with its code; `cause` keeps the underlying error. */
export class RecoveryError extends Error {
  readonly code: RecoveryErrorCode;
  readonly number: number;

  constructor(code: RecoveryErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? code, options);
    this.name = 'RecoveryError';
    this.code = code;
    this.number = RECOVERY_ERROR_NUMBERS[code];
  }
}
