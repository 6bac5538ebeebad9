import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { checkEphemeralSequence } from './checkEphemeralSequence.js';

function stateOf(clientId: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const aw = new Awareness(doc);
  aw.setLocalState({ user: { id: 'aa', name: 'Alice' } });
  const update = encodeAwarenessUpdate(aw, [clientId]);
  aw.destroy();
  return update;
}

describe('checkEphemeralSequence', () => {
  it('R58: growing sequences of one awareness client pass and are recorded', () => {
    const last = new Map<string, number>();
    expect(checkEphemeralSequence(last, 'aa', 1, stateOf(7))).toBeNull();
    expect(checkEphemeralSequence(last, 'aa', 2, stateOf(7))).toBeNull();
    expect(last.get('aa:7')).toBe(2);
  });

  it('R58: a frame served again, or an older one, is REPLAY_DETECTED and not recorded', () => {
    const last = new Map<string, number>([['aa:7', 5]]);
    expect(checkEphemeralSequence(last, 'aa', 5, stateOf(7))?.code).toBe('REPLAY_DETECTED');
    expect(checkEphemeralSequence(last, 'aa', 3, stateOf(7))?.details.author).toBe('aa');
    expect(last.get('aa:7')).toBe(5);
  });

  it('R58: another client of the same author (a second tab, a reload) counts on its own', () => {
    const last = new Map<string, number>([['aa:7', 40]]);
    expect(checkEphemeralSequence(last, 'aa', 1, stateOf(8))).toBeNull();
    expect(checkEphemeralSequence(last, 'bb', 1, stateOf(7))).toBeNull();
  });
});
