import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromHex, type TrameError } from '@trame/protocol';
import { checkCompaction, type HeldHistory } from './checkCompaction.js';

const alice = 'a'.repeat(64);
const bob = 'b'.repeat(64);

function typed(clientId: number, text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText('t').insert(0, text);
  return doc;
}

function held(o: Partial<HeldHistory> = {}): HeldHistory {
  return {
    shadow: typed(1, '23h, à la gare'),
    clocks: new Map([[alice, 1]]),
    owners: new Map([[1, alice]]),
    unsaved: false,
    ...o,
  };
}

const listed = [{ author: fromHex(alice), clock: 1 }];

describe('checkCompaction', () => {
  it('R54: a snapshot that is exactly the parent and tail held passes', () => {
    const h = held();
    const plain = Y.encodeStateAsUpdate(h.shadow);
    expect(checkCompaction({ author: bob, clocks: listed }, plain, h)).toBe(plain);
  });

  it("R54 (INTEGRITY-2): a snapshot rewriting another author's sentence under her client id is SNAPSHOT_MISMATCH naming its author", () => {
    const forged = Y.encodeStateAsUpdate(typed(1, '23h, devant le commissariat'));
    const e = checkCompaction({ author: bob, clocks: listed }, forged, held()) as TrameError;
    expect(e.code).toBe('SNAPSHOT_MISMATCH');
    expect(e.details.author).toBe(bob);
  });

  it('R54: with unsaved edits of its own, or other clocks than listed, the client cannot judge and passes it', () => {
    const forged = Y.encodeStateAsUpdate(typed(1, '23h, devant le commissariat'));
    expect(checkCompaction({ author: bob, clocks: listed }, forged, held({ unsaved: true }))).toBe(forged);
    const other = [{ author: fromHex(alice), clock: 2 }];
    expect(checkCompaction({ author: bob, clocks: other }, forged, held())).toBe(forged);
  });
});
