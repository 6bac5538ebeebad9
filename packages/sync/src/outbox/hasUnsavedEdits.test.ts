import { describe, expect, it } from 'vitest';
import { EMPTY_YJS_UPDATE, hasUnsavedEdits } from './hasUnsavedEdits.js';
import type { InflightUpdate } from './Inflight.js';

const update = (content: Uint8Array): InflightUpdate => ({
  kind: 'update',
  frame: new Uint8Array(1),
  snapshotId: new Uint8Array(16),
  clock: 1,
  epoch: 0,
  content,
  link: new Uint8Array(32),
  signed: true,
});

describe('hasUnsavedEdits', () => {
  it('R51: a checkpoint alone, pending or in flight, is no unsaved edit', () => {
    expect(hasUnsavedEdits([EMPTY_YJS_UPDATE], null)).toBe(false);
    expect(hasUnsavedEdits([], update(EMPTY_YJS_UPDATE))).toBe(false);
    expect(hasUnsavedEdits([], null)).toBe(false);
  });

  it('R45: an edit pending or in flight is unsaved', () => {
    expect(hasUnsavedEdits([new Uint8Array([1, 2])], null)).toBe(true);
    expect(hasUnsavedEdits([], update(new Uint8Array([1, 2])))).toBe(true);
  });
});
