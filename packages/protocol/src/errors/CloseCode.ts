import type { ErrorCode } from './errorCodes.js';

/**
 * Websocket close codes (docs/PROTOCOL.md §6). 4400-4499: do not retry (y-websocket's
 * provider stops reconnecting on these); 4500-4599: retry later with backoff.
 */
export const CloseCode = {
  ProtocolError: 4400,
  AuthFailed: 4401,
  Forbidden: 4403,
  UnknownSpace: 4404,
  FrameTooLarge: 4413,
  UnsupportedVersion: 4426,
  Internal: 4500,
  Unavailable: 4503,
  AuthTimeout: 4508,
  SlowReader: 4509,
  IdleTimeout: 4510,
  RateLimited: 4529,
  ShuttingDown: 4599,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Whether a client should reconnect after the relay closed with this code. */
export function shouldRetryClose(code: number): boolean {
  return !(code >= 4400 && code < 4500);
}

/** Close code the relay uses when an error ends the connection. */
export function closeCodeForError(code: ErrorCode): CloseCode {
  switch (code) {
    case 'MALFORMED_FRAME':
    case 'UNEXPECTED_FRAME':
      return CloseCode.ProtocolError;
    case 'UNSUPPORTED_VERSION':
      return CloseCode.UnsupportedVersion;
    case 'FRAME_TOO_LARGE':
      return CloseCode.FrameTooLarge;
    case 'AUTH_FAILED':
      return CloseCode.AuthFailed;
    case 'NOT_A_MEMBER':
    case 'FORBIDDEN_ROLE':
    case 'CREATION_FORBIDDEN':
      return CloseCode.Forbidden;
    case 'UNKNOWN_SPACE':
      return CloseCode.UnknownSpace;
    case 'AUTH_TIMEOUT':
      return CloseCode.AuthTimeout;
    case 'SLOW_READER':
      return CloseCode.SlowReader;
    case 'RATE_LIMITED':
      return CloseCode.RateLimited;
    case 'UNAVAILABLE':
      return CloseCode.Unavailable;
    default:
      return CloseCode.Internal;
  }
}
