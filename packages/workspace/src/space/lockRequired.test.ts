import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readLockRequired } from './readLockRequired.js';
import { setLockRequired } from './setLockRequired.js';

describe('lock required (DEVICES-4)', () => {
  it('is off by default, follows the flag, and writes nothing when unchanged', () => {
    const doc = new Y.Doc();
    expect(readLockRequired(doc)).toBe(false);
    setLockRequired(doc, true);
    expect(readLockRequired(doc)).toBe(true);
    let updates = 0;
    doc.on('update', () => updates++);
    setLockRequired(doc, true);
    expect(updates).toBe(0);
    setLockRequired(doc, false);
    expect(readLockRequired(doc)).toBe(false);
  });
});
