import { Role } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { hasSingleAnimateur } from './hasSingleAnimateur';

describe('hasSingleAnimateur (DEVICES-5)', () => {
  it('fires for exactly one animateur, whatever the other members', () => {
    expect(hasSingleAnimateur([{ role: Role.Admin }])).toBe(true);
    expect(hasSingleAnimateur([{ role: Role.Admin }, { role: Role.Editor }, { role: Role.Viewer }])).toBe(true);
  });

  it('does not fire with two animateurs, or none known yet', () => {
    expect(hasSingleAnimateur([{ role: Role.Admin }, { role: Role.Admin }])).toBe(false);
    expect(hasSingleAnimateur([])).toBe(false);
  });
});
