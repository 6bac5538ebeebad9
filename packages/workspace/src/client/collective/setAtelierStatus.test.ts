import { Role } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { readAteliers } from '../../space/readAteliers.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { fakeCore } from '../../testing/fakeCore.js';
import { setAtelierStatus } from './setAtelierStatus.js';

describe('setAtelierStatus', () => {
  it('puts an atelier to rest and back (animateurs); an editor of the assembly is FORBIDDEN', async () => {
    const { relay, alice, assemblyId, atelierId } = await coreCollective();
    const assembly = await alice.core.openSpace(assemblyId);
    const status = () => readAteliers(assembly.index.doc).find((a) => a.id === atelierId)?.status;
    await setAtelierStatus(alice.core, assemblyId, atelierId, 'resting');
    expect(status()).toBe('resting');
    const bob = await fakeCore(relay, 'Bob');
    relay.spaces.get(assemblyId)!.members.set(bob.core.myId, Role.Editor);
    await expect(setAtelierStatus(bob.core, assemblyId, atelierId, 'active')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(status()).toBe('resting');
    await setAtelierStatus(alice.core, assemblyId, atelierId, 'active');
    expect(status()).toBe('active');
  });
});
