import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { colourForId, PRESENCE_COLOURS } from './colourForId.js';
import { onlineBySpace } from './onlineBySpace.js';
import { readPresence } from './readPresence.js';
import { setPresence } from './setPresence.js';

describe('presence', () => {
  it('lists each person once, me first, with where they are', () => {
    const aw = new Awareness(new Y.Doc());
    setPresence(aw, { id: 'me', name: 'Zoé', colour: '#000' }, { spaceId: 's1', itemId: '' });
    // two tabs of Léa and one of Karim, as the sync layer would deliver them
    aw.states.set(101, { user: { id: 'lea', name: 'Léa', color: '#111' }, location: { spaceId: 's1', itemId: 'd' } });
    aw.states.set(102, { user: { id: 'lea', name: 'Léa', color: '#111' } });
    aw.states.set(103, {
      user: { id: 'karim', name: 'Karim', color: '#222' },
      location: { spaceId: 's2', itemId: '' },
    });
    aw.states.set(104, { cursor: null });
    const people = readPresence(aw, 'me');
    expect(people.map((p) => [p.name, p.isMe])).toEqual([
      ['Zoé', true],
      ['Karim', false],
      ['Léa', false],
    ]);
    const online = onlineBySpace(people);
    expect(online.get('s1')!.map((p) => p.name)).toEqual(['Zoé', 'Léa']);
    expect(online.get('s2')!.map((p) => p.name)).toEqual(['Karim']);
    aw.destroy();
  });

  it('DEVICES-1 (R97): a person on two devices counts once, under the person id; my other device is me', () => {
    const aw = new Awareness(new Y.Doc());
    setPresence(aw, { id: 'myPhone', name: 'Alice', colour: '#000' });
    aw.states.set(101, { user: { id: 'aliceLaptop', name: 'Alice', color: '#000' } });
    aw.states.set(102, { user: { id: 'bob', name: 'Bob', color: '#111' } });
    aw.states.set(103, { user: { id: 'bobTablet', name: 'Bob', color: '#111' } });
    const devices = new Map([
      ['myPhone', 'alice'],
      ['aliceLaptop', 'alice'],
      ['bobTablet', 'bob'],
      ['bob', 'bob'],
    ]);
    const people = readPresence(aw, 'myPhone', (id) => devices.get(id) ?? null);
    expect(people.map((p) => [p.id, p.isMe])).toEqual([
      ['alice', true],
      ['bob', false],
    ]);
    // without the log's mapping, devices are listed apart
    expect(readPresence(aw, 'myPhone')).toHaveLength(4);
    aw.destroy();
  });

  it('gives stable colours from the palette', () => {
    expect(colourForId('abc')).toBe(colourForId('abc'));
    expect(PRESENCE_COLOURS).toContain(colourForId('def'));
  });
});
