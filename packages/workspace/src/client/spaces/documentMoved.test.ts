import { describe, expect, it } from 'vitest';
import { documentMoved } from './documentMoved.js';

describe('documentMoved (R73)', () => {
  it('is true once the loaded document is under the current epoch, or empty', () => {
    expect(documentMoved(2, 2, true)).toBe(true);
    expect(documentMoved(null, 2, true)).toBe(true);
  });
  it('is false under an older epoch, or before the document loaded', () => {
    expect(documentMoved(1, 2, true)).toBe(false);
    expect(documentMoved(2, 2, false)).toBe(false);
  });
});
