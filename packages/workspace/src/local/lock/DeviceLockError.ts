/** What can go wrong with the device lock (docs/ERRORS.md, 8xxx). */
export type DeviceLockErrorCode = 'DEVICE_LOCKED' | 'WRONG_PASSPHRASE' | 'LOCK_UNAVAILABLE';

/** Numbers of the device lock's codes (docs/ERRORS.md). */
export const DEVICE_LOCK_ERROR_NUMBERS: Readonly<Record<DeviceLockErrorCode, number>> = {
  DEVICE_LOCKED: 8001,
  WRONG_PASSPHRASE: 8002,
  LOCK_UNAVAILABLE: 8003,
};

/** A device-lock failure with its code; `cause` keeps the underlying error when there is one. */
export class DeviceLockError extends Error {
  readonly code: DeviceLockErrorCode;
  readonly number: number;

  constructor(code: DeviceLockErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? code, options);
    this.name = 'DeviceLockError';
    this.code = code;
    this.number = DEVICE_LOCK_ERROR_NUMBERS[code];
  }
}
