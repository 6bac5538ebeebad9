import { describe, expect, it } from 'vitest';
import { EpochReloadGuard } from './EpochReloadGuard.js';

describe('EpochReloadGuard', () => {
  it('R73: a first STALE_EPOCH at an epoch reloads to fetch the ROTATE; a second one at the same epoch holds', () => {
    const g = new EpochReloadGuard();
    expect(g.mayReload(1)).toBe(true);
    expect(g.mayReload(1)).toBe(false);
    expect(g.mayReload(1)).toBe(false);
  });

  it('R73: once the space moved to a newer epoch, a STALE_EPOCH may reload again', () => {
    const g = new EpochReloadGuard();
    expect(g.mayReload(1)).toBe(true);
    expect(g.mayReload(2)).toBe(true);
    expect(g.mayReload(2)).toBe(false);
  });
});
