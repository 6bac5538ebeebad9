import { describe, expect, it } from 'vitest';
import { findMainBoard } from '../../space/findMainBoard.js';
import { readAteliers } from '../../space/readAteliers.js';
import { readItem } from '../../space/readItem.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { createAtelier } from './createAtelier.js';

const draft = { key: 'custom', name: ' Cantine ', description: ' Repas ', colour: '#aa3355' };

describe('createAtelier', () => {
  it('registers the atelier in the assembly with an English main board; under an atelier it is NOT_AN_ASSEMBLY', async () => {
    const { relay, alice, assemblyId, atelierId } = await coreCollective();
    const id = await createAtelier(alice.core, assemblyId, draft, 'en');
    const assembly = await alice.core.openSpace(assemblyId);
    expect(readAteliers(assembly.index.doc).find((a) => a.id === id)).toMatchObject({
      name: 'Cantine',
      description: 'Repas',
      status: 'active',
    });
    const index = relay.relayDoc(id, id);
    const board = findMainBoard(index)!;
    expect(readItem(index, board.id)).toMatchObject({ type: 'board', title: 'Atelier board', role: 'main' });
    expect(alice.core.joinedAssemblyOf(id)).toBe(assemblyId);
    const spaces = relay.spaces.size;
    await expect(createAtelier(alice.core, atelierId, draft, 'fr')).rejects.toMatchObject({ code: 'NOT_AN_ASSEMBLY' });
    expect(relay.spaces.size).toBe(spaces);
  });
});
