import { describe, expect, it } from 'vitest';
import { inflightUpdateErrorAction } from './inflightUpdateErrorAction.js';

describe('inflightUpdateErrorAction', () => {
  it('R45: STALE_SNAPSHOT rebases the content on the latest snapshot', () => {
    expect(inflightUpdateErrorAction('STALE_SNAPSHOT')).toBe('rebase');
  });

  it('R21/R29: a relay that cannot take the frame now gets the same frame again', () => {
    expect(inflightUpdateErrorAction('UNAVAILABLE')).toBe('resend');
    expect(inflightUpdateErrorAction('RATE_LIMITED')).toBe('resend');
  });

  it('R23: a role that may not write keeps the edits here', () => {
    expect(inflightUpdateErrorAction('FORBIDDEN_ROLE')).toBe('hold');
  });

  it('R20: a clock the relay refuses reloads the history', () => {
    expect(inflightUpdateErrorAction('CLOCK_GAP')).toBe('reload');
    expect(inflightUpdateErrorAction('CLOCK_REPLAY')).toBe('reload');
    expect(inflightUpdateErrorAction('STALE_EPOCH')).toBe('reload');
  });

  it('R80: an UPDATE that does not chain to what the relay stores (CHAIN_MISMATCH) reloads', () => {
    expect(inflightUpdateErrorAction('CHAIN_MISMATCH')).toBe('reload');
  });

  it('R73: STALE_EPOCH moves the document with a snapshot once the new epoch is held, else reloads', () => {
    expect(inflightUpdateErrorAction('STALE_EPOCH', true)).toBe('compact');
    expect(inflightUpdateErrorAction('STALE_EPOCH', false)).toBe('reload');
  });

  it('R65: a tail at the relay’s bound is compacted, the content carried by the snapshot', () => {
    expect(inflightUpdateErrorAction('COMPACTION_REQUIRED')).toBe('compact');
  });
});
