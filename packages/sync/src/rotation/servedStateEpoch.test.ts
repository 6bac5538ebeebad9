import { describe, expect, it } from 'vitest';
import { servedStateEpoch } from './servedStateEpoch.js';

describe('servedStateEpoch', () => {
  it('R73: a served snapshot gives the state its epoch, whatever its tail', () => {
    expect(servedStateEpoch({ epoch: 3 }, [{ epoch: 1 }], 0)).toBe(3);
  });

  it('R73: without a snapshot, the oldest epoch of the tail and what was held', () => {
    expect(servedStateEpoch(null, [{ epoch: 2 }, { epoch: 1 }], null)).toBe(1);
    expect(servedStateEpoch(null, [{ epoch: 2 }], 1)).toBe(1);
  });

  it('R73: an empty document stays without an epoch; an empty tail keeps the held one', () => {
    expect(servedStateEpoch(null, [], null)).toBeNull();
    expect(servedStateEpoch(null, [], 2)).toBe(2);
  });
});
