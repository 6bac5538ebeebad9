import { describe, expect, it } from 'vitest';
import { checkPinnedEntry } from './checkPinnedEntry.js';
import { checkServedLength } from './checkServedLength.js';

const h = (b: number): Uint8Array => new Uint8Array(32).fill(b);

describe('R39 pin checks', () => {
  it('R39: another genesis than the pinned one is MEMBERSHIP_FORK', () => {
    const pin = { genesisHash: h(1), seq: 4, headHash: h(4) };
    expect(checkPinnedEntry(pin, 0, h(1))).toBeNull();
    expect(checkPinnedEntry(pin, 0, h(9))?.code).toBe('MEMBERSHIP_FORK');
    // an invite pin has no genesis hash: any genesis may lead to it
    expect(checkPinnedEntry({ ...pin, genesisHash: null }, 0, h(9))).toBeNull();
  });

  it('R39: another entry at the pinned seq is MEMBERSHIP_FORK; other positions are not judged', () => {
    const pin = { genesisHash: h(1), seq: 4, headHash: h(4) };
    expect(checkPinnedEntry(pin, 4, h(4))).toBeNull();
    expect(checkPinnedEntry(pin, 4, h(5))?.code).toBe('MEMBERSHIP_FORK');
    expect(checkPinnedEntry(pin, 3, h(5))).toBeNull();
  });

  it('R39: a log shorter than what was verified is MEMBERSHIP_ROLLBACK', () => {
    expect(checkServedLength(5, 5)).toBeNull();
    expect(checkServedLength(6, 5)).toBeNull();
    expect(checkServedLength(4, 5)?.code).toBe('MEMBERSHIP_ROLLBACK');
    expect(checkServedLength(-1, 0)?.code).toBe('MEMBERSHIP_ROLLBACK');
  });
});
