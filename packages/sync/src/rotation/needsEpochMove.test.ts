import { describe, expect, it } from 'vitest';
import { needsEpochMove, type EpochHolder } from './needsEpochMove.js';

const space = (o: { epoch?: number; writer?: boolean; keys?: number[] } = {}): EpochHolder => ({
  epoch: o.epoch ?? 2,
  canWrite: () => o.writer ?? true,
  hasKey: (e) => (o.keys ?? [0, 1, 2]).includes(e),
});

describe('needsEpochMove', () => {
  it('R73: a document under an older key moves with the next frame of a writer holding the new key', () => {
    expect(needsEpochMove(1, space())).toBe(true);
    expect(needsEpochMove(0, space())).toBe(true);
  });

  it('R73: a document at the current epoch, or an empty one, does not move', () => {
    expect(needsEpochMove(2, space())).toBe(false);
    expect(needsEpochMove(null, space())).toBe(false);
  });

  it('R73: a reader, or a writer still without the new key, does not move it', () => {
    expect(needsEpochMove(1, space({ writer: false }))).toBe(false);
    expect(needsEpochMove(1, space({ keys: [0, 1] }))).toBe(false);
  });
});
