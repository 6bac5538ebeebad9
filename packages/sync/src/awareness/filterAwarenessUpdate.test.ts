import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { filterAwarenessUpdate } from './filterAwarenessUpdate.js';

function stateUpdate(clientId: number, user: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const aw = new Awareness(doc);
  aw.setLocalState({ user, cursor: { anchor: 1 } });
  const u = encodeAwarenessUpdate(aw, [clientId]);
  aw.destroy();
  return u;
}

describe('filterAwarenessUpdate (R44)', () => {
  const alice = 'aa'.repeat(32);
  const mallory = 'bb'.repeat(32);

  it('keeps a state that names its signer', () => {
    const owners = new Map<number, string>();
    const r = filterAwarenessUpdate(stateUpdate(7, { id: alice, name: 'Alice' }), alice, owners, 1);
    expect(r.dropped).toBe(0);
    const target = new Awareness(new Y.Doc());
    applyAwarenessUpdate(target, r.update!, null);
    expect(target.getStates().get(7)).toMatchObject({ user: { name: 'Alice' } });
    expect(owners.get(7)).toBe(alice);
  });

  it("drops a state claiming another identity's id", () => {
    const r = filterAwarenessUpdate(stateUpdate(8, { id: alice, name: 'Alice' }), mallory, new Map(), 1);
    expect(r.update).toBeNull();
    expect(r.dropped).toBe(1);
  });

  it('drops a state for a client id bound to someone else', () => {
    const owners = new Map<number, string>([[9, alice]]);
    const r = filterAwarenessUpdate(stateUpdate(9, { id: mallory, name: 'Alice' }), mallory, owners, 1);
    expect(r.update).toBeNull();
    expect(owners.get(9)).toBe(alice);
  });

  it("never accepts the local client's own id from outside", () => {
    const r = filterAwarenessUpdate(stateUpdate(5, { id: mallory }), mallory, new Map(), 5);
    expect(r.dropped).toBe(1);
  });

  it('drops a state without a user', () => {
    const r = filterAwarenessUpdate(stateUpdate(10, undefined), alice, new Map(), 1);
    expect(r.dropped).toBe(1);
  });
});
