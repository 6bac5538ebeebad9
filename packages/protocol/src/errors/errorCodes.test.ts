import { describe, expect, it } from 'vitest';
import { FrameKind } from '../constants/FrameKind.js';
import { decodeFrame } from '../frames/decodeFrame.js';
import { encodeError } from '../frames/control.js';
import { ERROR_CODES, errorCodeFromNumber, isRetryable, type ErrorCode } from './errorCodes.js';
import { isTrameError, TrameError } from './TrameError.js';

const ALL = Object.keys(ERROR_CODES) as ErrorCode[];

describe('ERROR_CODES', () => {
  it('numbers match the ones PROTOCOL.md cites', () => {
    const cited: Record<string, number> = {
      MALFORMED_FRAME: 1001, // R2
      UNSUPPORTED_VERSION: 1002, // R1
      FRAME_TOO_LARGE: 1003, // R3
      UNEXPECTED_FRAME: 1004, // R4
      RATE_LIMITED: 1005, // R15
      AUTH_FAILED: 2001, // R10
      AUTH_TIMEOUT: 2002, // R10
      UNKNOWN_SPACE: 2003, // R11
      NOT_A_MEMBER: 2004, // R12
      FORBIDDEN_ROLE: 2005, // R23, R31
      AUTHOR_MISMATCH: 2006, // R23
      WRONG_TARGET: 2007, // R23
      CLOCK_GAP: 3001, // R20
      CLOCK_REPLAY: 3002, // R20
      STALE_SNAPSHOT: 3003, // R22
      SNAPSHOT_CONFLICT: 3004, // R24
      SNAPSHOT_INCOMPLETE: 3005, // R25
      BAD_PROOF: 3006, // R24
      STALE_EPOCH: 3007, // R23
      CHAIN_MISMATCH: 3010, // R80, R81
      COMPACTION_REQUIRED: 3020, // R65
      MEMBERSHIP_CHAIN: 4001, // R31
      BAD_SIGNATURE: 4002, // R31
      INVALID_MEMBERSHIP: 4003, // R32
      INVITE_WRAP_MISSING: 4010, // R75
      UNAVAILABLE: 5001, // R29
      QUOTA_EXCEEDED: 5004, // R67
      CREATION_FORBIDDEN: 2009, // R68
      PAIRING_UNKNOWN: 2020, // R101
      PAIRING_FULL: 2021, // R101
      PAIRING_EXPIRED: 2022, // R103
      PAIRING_PEER_LEFT: 2023, // R103
      SIGNATURE_INVALID: 6001, // R40
      DECRYPT_FAILED: 6002, // R40
      ROLLBACK_DETECTED: 6003, // R42
      MISSING_UPDATES: 6004, // R41
      REPLAY_DETECTED: 6005, // R41
      FORK_DETECTED: 6006, // R42
      NO_KEY: 6007, // R40
      AWARENESS_FORGED: 6008, // R44
      UNTRUSTED_AUTHOR: 6009, // R40
    };
    for (const [name, n] of Object.entries(cited)) expect(ERROR_CODES[name as ErrorCode], name).toBe(n);
  });

  it('numbers are unique, and grouped by range: 1xxx-5xxx relay, 6xxx client', () => {
    const numbers = Object.values(ERROR_CODES);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) {
      expect(n).toBeGreaterThanOrEqual(1000);
      expect(n).toBeLessThan(7000);
    }
  });

  it('every number fits the u16 code of an ERROR frame and survives one', () => {
    for (const code of ALL) {
      const f = decodeFrame(encodeError({ code: ERROR_CODES[code], refKind: FrameKind.Update }));
      if (f.kind !== FrameKind.Error) throw new Error('ERROR frame expected');
      expect(errorCodeFromNumber(f.code)).toBe(code);
    }
  });
});

describe('errorCodeFromNumber', () => {
  it.each(ALL)('round-trips %s', (code) => {
    expect(errorCodeFromNumber(ERROR_CODES[code])).toBe(code);
  });

  it('maps unknown numbers (a newer relay) to INTERNAL', () => {
    for (const n of [0, 1, 1000, 1999, 4004, 5999, 9999, 65535, -1, 1001.5]) {
      expect(errorCodeFromNumber(n)).toBe('INTERNAL');
    }
  });
});

describe('isRetryable', () => {
  const retryable: ErrorCode[] = [
    'RATE_LIMITED',
    'AUTH_TIMEOUT',
    'UNAVAILABLE',
    'SLOW_READER',
    'INTERNAL',
    'QUOTA_EXCEEDED',
  ];

  it.each(retryable)('%s is retryable', (code) => {
    expect(isRetryable(code)).toBe(true);
  });

  it('every 5xxx code is retryable (the relay itself, retry later)', () => {
    for (const code of ALL)
      if (ERROR_CODES[code] >= 5000 && ERROR_CODES[code] < 6000) expect(isRetryable(code)).toBe(true);
  });

  it('every other code needs a change before retrying', () => {
    for (const code of ALL) {
      if (retryable.includes(code)) continue;
      expect(isRetryable(code), code).toBe(false);
    }
  });
});

describe('TrameError', () => {
  it('carries its code, number, message and details', () => {
    const e = new TrameError('CLOCK_GAP', 'missing 3..5', { range: { from: 3, to: 5 } });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('TrameError');
    expect(e.code).toBe('CLOCK_GAP');
    expect(e.number).toBe(3001);
    expect(e.message).toBe('missing 3..5');
    expect(e.details.range).toEqual({ from: 3, to: 5 });
  });

  it('defaults its message to the code and its details to {}', () => {
    const e = new TrameError('NO_KEY');
    expect(e.message).toBe('NO_KEY');
    expect(e.details).toEqual({});
    expect(e.number).toBe(6007);
  });

  it('isTrameError narrows only TrameErrors', () => {
    expect(isTrameError(new TrameError('INTERNAL'))).toBe(true);
    expect(isTrameError(new Error('INTERNAL'))).toBe(false);
    expect(isTrameError({ code: 'INTERNAL', number: 5003 })).toBe(false);
    expect(isTrameError(undefined)).toBe(false);
  });
});
