import { describe, expect, it } from 'vitest';
import { emptyDocumentHead } from '../documents/emptyDocumentHead.js';
import { checkTailBound } from './checkTailBound.js';

describe('R65 tail bound', () => {
  it('R65: refuses an update that would take the tail past its count or byte bound', () => {
    const head = { ...emptyDocumentHead(), tailCount: 4, tailBytes: 900 };
    expect(() => checkTailBound(head, 100, 5, 1000)).not.toThrow();
    expect(() => checkTailBound(head, 101, 5, 1000)).toThrow(/COMPACTION_REQUIRED|SNAPSHOT/);
    expect(() => checkTailBound({ ...head, tailCount: 5 }, 1, 5, 1000)).toThrow();
  });
});
