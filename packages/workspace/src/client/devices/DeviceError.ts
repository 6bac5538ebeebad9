/** What can go wrong with linking and removing devices (docs/ERRORS.md, 8020-8029). */
export type DeviceErrorCode =
  | 'DEVICE_KEY_INVALID'
  | 'DEVICE_IS_THIS_ONE'
  | 'DEVICE_IS_PERSON_KEY'
  | 'DEVICE_NOT_PERSON_KEY'
  | 'DEVICE_SPACES_INCOMPLETE';

/** Numbers of the device codes (docs/ERRORS.md). */
export const DEVICE_ERROR_NUMBERS: Readonly<Record<DeviceErrorCode, number>> = {
  DEVICE_KEY_INVALID: 8020,
  DEVICE_IS_THIS_ONE: 8021,
  DEVICE_IS_PERSON_KEY: 8022,
  DEVICE_NOT_PERSON_KEY: 8023,
  DEVICE_SPACES_INCOMPLETE: 8024,
};

/** A device operation refused or left incomplete; `cause` keeps the underlying error. */
export class DeviceError extends Error {
  readonly code: DeviceErrorCode;
  readonly number: number;

  constructor(code: DeviceErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? code, options);
    this.name = 'DeviceError';
    this.code = code;
    this.number = DEVICE_ERROR_NUMBERS[code];
  }
}
