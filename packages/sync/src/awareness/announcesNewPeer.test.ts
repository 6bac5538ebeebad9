import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { announcesNewPeer } from './announcesNewPeer.js';

function peer(clientId: number): Awareness {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const aw = new Awareness(doc);
  aw.setLocalState({ user: { id: 'aa', name: 'Alice' } });
  return aw;
}

describe('announcesNewPeer (MINUTES-2)', () => {
  it('MINUTES-2: a state from a client not held means someone arrived', () => {
    const a = peer(7);
    const held = new Map<number, unknown>([[1, {}]]);
    expect(announcesNewPeer(encodeAwarenessUpdate(a, [7]), held)).toBe(true);
    a.destroy();
  });

  it('a state already held (a renewal, a caret move) does not', () => {
    const a = peer(7);
    expect(announcesNewPeer(encodeAwarenessUpdate(a, [7]), new Map([[7, {}]]))).toBe(false);
    a.destroy();
  });

  it('a departure (null state) does not', () => {
    const a = peer(7);
    removeAwarenessStates(a, [7], 'test');
    expect(announcesNewPeer(encodeAwarenessUpdate(a, [7]), new Map())).toBe(false);
    a.destroy();
  });
});
