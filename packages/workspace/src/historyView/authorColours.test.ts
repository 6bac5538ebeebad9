import { describe, expect, it } from 'vitest';
import { PRESENCE_COLOURS } from '../presence/colourForId.js';
import { authorColours } from './authorColours.js';

describe('authorColours', () => {
  it('HISTORY-2: everyone keeps their colour unless already taken; then a free caret colour', () => {
    const mine = new Map([
      ['alice', '#B91C1C'],
      ['bob', '#b91c1c'],
      ['claire', '#15803d'],
    ]);
    const out = authorColours(['alice', 'bob', 'claire', 'dom'], (id) => mine.get(id));
    expect(out.get('alice')).toBe('#b91c1c');
    expect(out.get('claire')).toBe('#15803d');
    expect(out.get('bob')).toBe(PRESENCE_COLOURS[1]);
    expect(out.get('dom')).toBe(PRESENCE_COLOURS[2]);
    expect(new Set(out.values()).size).toBe(4);
  });
});
