import { describe, expect, it } from 'vitest';
import { CloseCode, closeCodeForError, shouldRetryClose } from './CloseCode.js';
import { ERROR_CODES, isRetryable, type ErrorCode } from './errorCodes.js';

describe('CloseCode (§6)', () => {
  it('values match the table of PROTOCOL.md §6', () => {
    expect(CloseCode).toEqual({
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
    });
  });
});

describe('shouldRetryClose (§6)', () => {
  it('§6: 4400-4499 are final', () => {
    for (let code = 4400; code <= 4499; code++) expect(shouldRetryClose(code), String(code)).toBe(false);
  });

  it('§6: 4500-4599 are retried', () => {
    for (let code = 4500; code <= 4599; code++) expect(shouldRetryClose(code), String(code)).toBe(true);
  });

  it('§6: the table\'s "do not retry" codes are final, the others retried', () => {
    const final = [4400, 4401, 4403, 4404, 4413, 4426];
    for (const code of Object.values(CloseCode)) expect(shouldRetryClose(code), String(code)).toBe(!final.includes(code));
  });

  it('network-level closes (1006 abnormal, 1001 going away) and the boundaries 4399/4600 are retried', () => {
    for (const code of [1000, 1001, 1006, 1009, 1011, 4399, 4600]) expect(shouldRetryClose(code), String(code)).toBe(true);
  });
});

describe('closeCodeForError', () => {
  it.each([
    ['MALFORMED_FRAME', 4400, 'R2'],
    ['UNEXPECTED_FRAME', 4400, 'R4'],
    ['UNSUPPORTED_VERSION', 4426, 'R1'],
    ['FRAME_TOO_LARGE', 4413, 'R3'],
    ['AUTH_FAILED', 4401, 'R10'],
    ['AUTH_TIMEOUT', 4508, 'R10'],
    ['UNKNOWN_SPACE', 4404, 'R11'],
    ['NOT_A_MEMBER', 4403, 'R12'],
    ['FORBIDDEN_ROLE', 4403, 'R33'],
    ['RATE_LIMITED', 4529, 'R15'],
    ['SLOW_READER', 4509, 'R15'],
    ['UNAVAILABLE', 4503, 'R29'],
    ['INTERNAL', 4500, '§6'],
  ] as Array<[ErrorCode, number, string]>)('%s closes with %i (%s)', (code, close) => {
    expect(closeCodeForError(code)).toBe(close);
  });

  it('every error code maps to a close code of the table', () => {
    const known = new Set<number>(Object.values(CloseCode));
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) expect(known.has(closeCodeForError(code)), code).toBe(true);
  });

  it('other codes fall back to INTERNAL (4500)', () => {
    for (const code of ['CLOCK_GAP', 'BAD_PROOF', 'INVALID_MEMBERSHIP', 'DECRYPT_FAILED'] as ErrorCode[]) {
      expect(closeCodeForError(code)).toBe(CloseCode.Internal);
    }
  });

  it('a retryable error closes with a retried code; a final close comes from a non-retryable error', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      const close = closeCodeForError(code);
      if (isRetryable(code)) expect(shouldRetryClose(close), code).toBe(true);
      if (!shouldRetryClose(close)) expect(isRetryable(code), code).toBe(false);
    }
  });
});
