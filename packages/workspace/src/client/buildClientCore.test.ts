import { describe, expect, it } from 'vitest';
import { coreCollective } from '../testing/coreCollective.js';

describe('buildClientCore', () => {
  it("reads the profile and the registry live: a new name, the network state, a joined space's assembly", async () => {
    const { alice, assemblyId, atelierId } = await coreCollective();
    const core = alice.core;
    expect(core.me).toEqual({ id: core.myId, name: 'Alice', colour: '#2f6fde' });
    await alice.profile.update({ displayName: 'Alice V.' });
    expect(core.displayName).toBe('Alice V.');
    expect(core.me.name).toBe('Alice V.');
    alice.registry.setOnline(false);
    expect(core.online).toBe(false);
    core.location = { spaceId: atelierId, itemId: '' };
    expect(alice.registry.location).toEqual({ spaceId: atelierId, itemId: '' });
    expect(core.joinedAssemblyOf(atelierId)).toBe(assemblyId);
    expect(core.joinedAssemblyOf('ef'.repeat(16))).toBeNull();
    expect(core.isOpen(atelierId)).toBe(true);
    expect((await core.openSpaces()).map((s) => s.id).sort()).toEqual([assemblyId, atelierId].sort());
  });
});
