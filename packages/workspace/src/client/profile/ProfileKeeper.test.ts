import { describe, expect, it } from 'vitest';
import type { LocalProfile } from '../../local/LocalProfile.js';
import { MemoryProfileStore } from '../../local/MemoryProfileStore.js';
import { ProfileKeeper } from './ProfileKeeper.js';

const profile: LocalProfile = {
  version: 1,
  secretKey: new Uint8Array(64),
  displayName: 'Alice',
  colour: '#2f6fde',
  locale: 'fr',
  spaces: [],
  createdAt: 0,
};
const pin = (seq: number, byte: number) => ({
  genesisHash: new Uint8Array(32).fill(1),
  seq,
  headHash: new Uint8Array(32).fill(byte),
});

describe('ProfileKeeper', () => {
  it('R39: a pin reported before the space is remembered is kept with it, and never moves back', async () => {
    const store = new MemoryProfileStore();
    const keeper = new ProfileKeeper(profile, store);
    await keeper.savePin('aa', pin(3, 3));
    expect(keeper.isJoined('aa')).toBe(false);
    await keeper.remember({ id: 'aa', kind: 'atelier', assemblyId: 'bb', joinedAt: 1 });
    expect((await store.load())?.spaces[0]?.pin).toEqual({
      genesisHash: '01'.repeat(32),
      seq: 3,
      headHash: '03'.repeat(32),
    });
    await keeper.savePin('aa', pin(2, 2));
    expect(keeper.joined('aa')?.pin?.seq).toBe(3);
    await keeper.savePin('aa', pin(5, 5));
    expect((await store.load())?.spaces[0]?.pin?.headHash).toBe('05'.repeat(32));
  });

  it('forgets a space even when the store fails, and saves a trimmed name', async () => {
    const store = new MemoryProfileStore();
    const keeper = new ProfileKeeper(
      { ...profile, spaces: [{ id: 'aa', kind: 'assembly', assemblyId: 'aa', joinedAt: 1 }] },
      store,
    );
    await keeper.update({ displayName: '  Alice V. ', locale: 'en' });
    expect(await store.load()).toMatchObject({ displayName: 'Alice V.', locale: 'en', colour: '#2f6fde' });
    store.save = () => Promise.reject(new Error('disk full'));
    await keeper.forget('aa');
    expect(keeper.isJoined('aa')).toBe(false);
  });
});
