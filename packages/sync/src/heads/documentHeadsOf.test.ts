import { describe, expect, it } from 'vitest';
import { documentHeadsOf } from './documentHeadsOf.js';

describe('documentHeadsOf', () => {
  it('R42: nothing held records nothing; otherwise the snapshot and the clocks', () => {
    expect(documentHeadsOf(null, new Map())).toBeNull();
    expect(documentHeadsOf(null, new Map([['aa', 2]]))).toEqual({
      snapshotId: '00'.repeat(16),
      height: 0,
      clocks: { aa: 2 },
    });
    const head = {
      id: new Uint8Array(16).fill(1),
      height: 3,
      proof: new Uint8Array(32),
      frameHash: new Uint8Array(32),
    };
    expect(documentHeadsOf(head, new Map())?.height).toBe(3);
  });
});
