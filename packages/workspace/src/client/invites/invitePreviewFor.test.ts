import { Role } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { coreCollective } from '../../testing/coreCollective.js';
import { invitePreviewFor } from './invitePreviewFor.js';

describe('invitePreviewFor', () => {
  it("MINUTES-8: an atelier's preview names the collective, read from its assembly", async () => {
    const { alice, assemblyId, atelierId } = await coreCollective();
    const atelier = await alice.core.openSpace(atelierId);
    expect(await invitePreviewFor(alice.core, atelier, Role.Editor)).toEqual({
      collective: 'Convergence',
      space: 'Média / Marketing',
      kind: 'atelier',
      role: Role.Editor,
      inviter: 'Alice',
    });
    const assembly = await alice.core.openSpace(assemblyId);
    expect(await invitePreviewFor(alice.core, assembly, Role.Admin)).toMatchObject({
      kind: 'assembly',
      collective: 'Convergence',
    });
  });
});
