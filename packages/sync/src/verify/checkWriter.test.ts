import { describe, expect, it } from 'vitest';
import { checkWriter, type WriterRoles } from './checkWriter.js';

const alice = 'a'.repeat(64);
const bob = 'b'.repeat(64);

/** Alice was an editor in epochs 0-1 and was demoted at epoch 2; Bob writes throughout. */
const roles: WriterRoles = {
  isTrustedWriter: (author, epoch) => author === bob || (author === alice && epoch < 2),
  isCurrentWriter: (author) => author === bob,
};

describe('checkWriter', () => {
  it('R40: a writer of the frame’s epoch passes, live or loaded', () => {
    expect(checkWriter(roles, bob, 2, true)).toBeNull();
    expect(checkWriter(roles, bob, 0, false)).toBeNull();
  });

  it('R40/R74: an author without a write role in the frame’s epoch is UNTRUSTED_AUTHOR', () => {
    const e = checkWriter(roles, alice, 2, false);
    expect(e?.code).toBe('UNTRUSTED_AUTHOR');
    expect(e?.message).toContain('epoch 2');
    expect(checkWriter(roles, 'c'.repeat(64), 0, false)?.code).toBe('UNTRUSTED_AUTHOR');
  });

  it('MEMBERSHIP-5: a live frame of a former writer is UNTRUSTED_AUTHOR; loaded history of hers is not', () => {
    expect(checkWriter(roles, alice, 1, true)?.code).toBe('UNTRUSTED_AUTHOR');
    expect(checkWriter(roles, alice, 1, false)).toBeNull();
  });
});
