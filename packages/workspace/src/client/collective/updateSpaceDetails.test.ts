import { Role } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { readAteliers } from '../../space/readAteliers.js';
import { readSpaceMeta } from '../../space/readSpaceMeta.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { fakeCore } from '../../testing/fakeCore.js';
import { updateSpaceDetails } from './updateSpaceDetails.js';

describe('updateSpaceDetails', () => {
  it("renames an atelier and its home card follows (never the collective's name there); a member is FORBIDDEN", async () => {
    const { relay, alice, assemblyId, atelierId } = await coreCollective();
    await updateSpaceDetails(alice.core, atelierId, { name: ' Juridique & soutien ', collectiveName: 'ignored' });
    const atelier = await alice.core.openSpace(atelierId);
    const assembly = await alice.core.openSpace(assemblyId);
    expect(readSpaceMeta(atelier.index.doc)?.name).toBe('Juridique & soutien');
    expect(readAteliers(assembly.index.doc).find((a) => a.id === atelierId)?.name).toBe('Juridique & soutien');
    expect(readSpaceMeta(assembly.index.doc)?.collectiveName).toBe('Convergence');
    const bob = await fakeCore(relay, 'Bob');
    relay.spaces.get(atelierId)!.members.set(bob.core.myId, Role.Editor);
    await expect(updateSpaceDetails(bob.core, atelierId, { name: 'Pirate' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(readSpaceMeta(atelier.index.doc)?.name).toBe('Juridique & soutien');
  });
});
