import { CloseCode, closeCodeForError, type ErrorCode } from '@trame/protocol';

// Errors after which the connection cannot go on (R2-R4, R10-R12). Every other rejection
// leaves it open: the client fixes the frame and carries on (R20-R26, R23's FORBIDDEN_ROLE).
const FINAL: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'MALFORMED_FRAME',
  'UNSUPPORTED_VERSION',
  'FRAME_TOO_LARGE',
  'UNEXPECTED_FRAME',
  'AUTH_FAILED',
  'AUTH_TIMEOUT',
  'UNKNOWN_SPACE',
  'NOT_A_MEMBER',
  'SPACE_EXISTS',
  'CREATION_FORBIDDEN',
]);

/** Close code to end the connection with after this rejection, or null to keep it open. */
export function closeCodeForRejection(code: ErrorCode): number | null {
  if (!FINAL.has(code)) return null;
  // A CREATE connection whose space appeared meanwhile has nothing left to do on this socket.
  if (code === 'SPACE_EXISTS') return CloseCode.ProtocolError;
  return closeCodeForError(code);
}
