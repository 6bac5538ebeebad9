import { describe, expect, it } from 'vitest';
import type { DocumentSessionLike } from '../../sync/SyncApi.js';
import { moveDocuments, type MoveProgress } from './moveDocuments.js';

function fakeDoc(keyEpoch: number | null): DocumentSessionLike {
  return {
    keyEpoch,
    status: 'saved',
    hasUnsavedChanges: false,
    whenSynced: () => Promise.resolve(),
  } as unknown as DocumentSessionLike;
}

describe('moveDocuments (MEMBERSHIP-4, R73)', () => {
  it('opens each document once, closes it, and counts those under the current key', async () => {
    const epochs: Record<string, number | null> = { a: 2, b: null, c: 1 };
    const closed: DocumentSessionLike[] = [];
    const seen: MoveProgress[] = [];
    const result = await moveDocuments({
      items: ['a', 'b', 'c'],
      open: async (id) => fakeDoc(epochs[id]!),
      close: (s) => closed.push(s),
      epoch: () => 2,
      onProgress: (p) => seen.push(p),
      timeoutMs: 100,
    });
    expect(result).toEqual({ moved: 2, total: 3 });
    expect(closed).toHaveLength(3);
    expect(seen.map((p) => p.moved)).toEqual([0, 1, 2, 2]);
  });
});
