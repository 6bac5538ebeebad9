import { describe, expect, it } from 'vitest';
import type { JoinedSpace, LocalProfile } from '../LocalProfile.js';
import { mergeBackups } from './mergeBackups.js';

const space = (id: string): JoinedSpace => ({
  id: id.repeat(32),
  kind: 'atelier',
  assemblyId: 'a'.repeat(32),
  joinedAt: 1,
});
const person: LocalProfile = {
  version: 1,
  secretKey: new Uint8Array(64).fill(7),
  displayName: 'Alice',
  colour: '#112233',
  locale: 'fr',
  spaces: [space('1'), space('2')],
  createdAt: 5,
};

describe('mergeBackups (ADR 0008 point 5)', () => {
  it('DEVICES-3: without a profile backup, the person backup as it is, as the person key', () => {
    const out = mergeBackups({ ...person, personId: 'f'.repeat(64), deviceName: 'x' }, null);
    expect(out.secretKey).toEqual(person.secretKey);
    expect(out.personId).toBeUndefined();
    expect(out.deviceName).toBeUndefined();
    expect(out.spaces.map((s) => s.id[0])).toEqual(['1', '2']);
  });

  it('DEVICES-3: the profile backup gives name and spaces, never the key; spaces it dropped come back from the person backup', () => {
    const newer: LocalProfile = {
      ...person,
      secretKey: new Uint8Array(0),
      personId: 'e'.repeat(64),
      displayName: 'Alice B.',
      spaces: [{ ...space('2'), pin: { genesisHash: 'a'.repeat(64), seq: 9, headHash: 'b'.repeat(64) } }, space('3')],
    };
    const out = mergeBackups(person, newer);
    expect(out.secretKey).toEqual(person.secretKey);
    expect(out.personId).toBeUndefined();
    expect(out.displayName).toBe('Alice B.');
    expect(out.spaces.map((s) => s.id[0])).toEqual(['2', '3', '1']);
    expect(out.spaces[0]!.pin?.seq).toBe(9);
  });
});
