import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TrameError } from '@trame/protocol';
import type { AuthenticatedUpdate } from './authenticateUpdate.js';
import { checkUpdateContent } from './checkUpdateContent.js';

const alice = 'a'.repeat(64);
const bob = 'b'.repeat(64);

function edit(clientId: number, text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const opened = (plain: Uint8Array): AuthenticatedUpdate => ({ counts: true, plain, error: null });

describe('checkUpdateContent', () => {
  it('R52: an update under its author’s client ids passes and binds them; the view is checked', () => {
    const owners = new Map<number, string>();
    let viewed = 0;
    const plain = edit(7, 'salut');
    expect(checkUpdateContent(opened(plain), { author: alice, clock: 1 }, owners, () => viewed++)).toBe(plain);
    expect(owners.get(7)).toBe(alice);
    expect(viewed).toBe(1);
  });

  it('R52 (INTEGRITY-2): structs under another author’s client id are CLIENT_ID_FORGED naming the author', () => {
    const owners = new Map([[7, alice]]);
    const e = checkUpdateContent(opened(edit(7, 'faux')), { author: bob, clock: 3 }, owners, () => {}) as TrameError;
    expect(e.code).toBe('CLIENT_ID_FORGED');
    expect(e.details.author).toBe(bob);
    expect(owners.get(7)).toBe(alice);
  });

  it('R52/R53: a plaintext that is not a Yjs update is UPDATE_UNREADABLE naming the author', () => {
    const e = checkUpdateContent(
      opened(new Uint8Array([255, 255, 255, 7])),
      { author: bob, clock: 2 },
      new Map(),
      () => {},
    ) as TrameError;
    expect(e.code).toBe('UPDATE_UNREADABLE');
    expect(e.details.author).toBe(bob);
  });

  it('R40/R53 (INTEGRITY-1): a frame that authenticated but failed R40 is skipped with its author named', () => {
    const failed: AuthenticatedUpdate = { counts: true, plain: null, error: new TrameError('UNTRUSTED_AUTHOR', 'no') };
    let viewed = 0;
    const e = checkUpdateContent(failed, { author: bob, clock: 2 }, new Map(), () => viewed++) as TrameError;
    expect(e.code).toBe('UNTRUSTED_AUTHOR');
    expect(e.details.author).toBe(bob);
    expect(viewed).toBe(0);
  });
});
