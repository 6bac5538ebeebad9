import { describe, expect, it } from 'vitest';
import { presentsCreationToken } from './presentsCreationToken.js';

describe('presentsCreationToken', () => {
  it('HOSTILE-3: R68, finds the operator token among the offered subprotocols, and nothing else', () => {
    const token = 'n3Q7-secret_token-0123456789';
    expect(presentsCreationToken(`trame.2, trame-create.${token}`, token)).toBe(true);
    expect(presentsCreationToken([`trame.2`, `trame-create.${token}`], token)).toBe(true);
    expect(presentsCreationToken('trame.2, trame-create.wrong', token)).toBe(false);
    expect(presentsCreationToken(`trame.2, ${token}`, token)).toBe(false);
    expect(presentsCreationToken('trame.2', token)).toBe(false);
    expect(presentsCreationToken(undefined, token)).toBe(false);
    expect(presentsCreationToken('trame-create.', '')).toBe(false);
  });
});
