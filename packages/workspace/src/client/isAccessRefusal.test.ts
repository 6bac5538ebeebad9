import { CloseCode, TrameError } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { isAccessRefusal } from './isAccessRefusal.js';

describe('isAccessRefusal', () => {
  it('MINUTES-4: a refusal of this identity is told apart from a relay that is down', () => {
    for (const code of ['NOT_A_MEMBER', 'UNKNOWN_SPACE', 'AUTH_FAILED', 'INVALID_MEMBERSHIP'] as const) {
      expect(isAccessRefusal(new TrameError(code, 'x'))).toBe(true);
    }
    // Another copy of @trame/protocol: duck-typed on the code, or on a forbidding close.
    expect(isAccessRefusal({ code: 'NOT_A_MEMBER' })).toBe(true);
    expect(isAccessRefusal({ code: 'CONNECTION_CLOSED', details: { closeCode: CloseCode.Forbidden } })).toBe(true);
    for (const e of [new Error('offline'), { code: 'TIMEOUT' }, null, 'NOT_A_MEMBER', undefined]) {
      expect(isAccessRefusal(e)).toBe(false);
    }
  });
});
