import type { ErrorCode } from '@trame/protocol';

/** DEVICES-1 errors raised on this device (ERRORS.md, 8030-8039). */
export const PAIRING_CLIENT_CODES = {
  /** What was typed or scanned is not a pairing code. */
  PAIRING_CODE_INVALID: 8030,
  /** The key the channel's creator revealed is not the one it committed to (R104): tampering. */
  PAIRING_COMMIT_MISMATCH: 8031,
  /** A sealed message does not open: the two devices do not share keys (a relay in the middle). */
  PAIRING_DECRYPT_FAILED: 8032,
  /** Both devices hold an account, or neither does: one must be the new device. */
  PAIRING_SIDE_CONFLICT: 8033,
  /** A message out of turn or of the wrong shape. */
  PAIRING_UNEXPECTED: 8034,
  /** The relay could not be reached, or closed the channel without saying why. */
  PAIRING_UNREACHABLE: 8035,
  /** The device holding the account could not add the new device to its spaces. */
  PAIRING_ADD_FAILED: 8036,
  /** The person stopped the link on this device (the codes differ, or "Annuler"). */
  PAIRING_CANCELLED: 8037,
} as const;

export type PairingClientCode = keyof typeof PAIRING_CLIENT_CODES;

/** A relay error the channel can end with (R100-R103), or one of this device's. */
export type PairingErrorCode = PairingClientCode | ErrorCode;

/** Why a link failed; `cause` keeps the underlying error. */
export class PairingError extends Error {
  constructor(
    readonly code: PairingErrorCode,
    message?: string,
    options?: { cause?: unknown },
  ) {
    super(message ?? code, options);
    this.name = 'PairingError';
  }
}
