import { describe, expect, it } from 'vitest';
import { itemOfPath } from './itemOfPath';

const SPACE = 'ab'.repeat(16);
const ITEM = 'cd'.repeat(16);

describe('itemOfPath', () => {
  it('finds the space and item of a document, board or minutes page', () => {
    for (const kind of ['d', 'b', 'm']) {
      expect(itemOfPath(`/s/${SPACE}/${kind}/${ITEM}`)).toEqual({ spaceId: SPACE, itemId: ITEM });
    }
    expect(itemOfPath(`/s/${SPACE}/d/${ITEM}/`)).toEqual({ spaceId: SPACE, itemId: ITEM });
  });
  it('finds nothing on other pages or for a malformed id', () => {
    expect(itemOfPath('/')).toBeNull();
    expect(itemOfPath(`/s/${SPACE}`)).toBeNull();
    expect(itemOfPath(`/s/${SPACE}/members`)).toBeNull();
    expect(itemOfPath(`/s/${SPACE}/x/${ITEM}`)).toBeNull();
    expect(itemOfPath(`/s/${SPACE}/d/xyz`)).toBeNull();
    expect(itemOfPath(`/s/${SPACE}/d/${ITEM}/history`)).toBeNull();
  });
});
