import { describe, expect, it } from 'vitest';
import { readActivity } from '../../space/readActivity.js';
import { readItem } from '../../space/readItem.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { listItem } from './listItem.js';

describe('listItem', () => {
  it('lists the item under a trimmed title, by this user, with its activity entry', async () => {
    let t = 1000;
    const { alice, assemblyId } = await coreCollective({ now: () => t });
    const space = await alice.core.openSpace(assemblyId);
    t = 2000;
    listItem(alice.core, space, { id: 'cd'.repeat(16), type: 'document', title: '  Tract  ', action: 'duplicated' });
    expect(readItem(space.index.doc, 'cd'.repeat(16))).toMatchObject({
      type: 'document',
      title: 'Tract',
      createdAt: 2000,
      createdBy: alice.core.myId,
      archived: false,
    });
    expect(readActivity(space.index.doc)[0]).toEqual({
      at: 2000,
      by: alice.core.myId,
      itemId: 'cd'.repeat(16),
      action: 'duplicated',
    });
  });
});
