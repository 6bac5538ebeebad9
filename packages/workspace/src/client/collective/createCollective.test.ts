import { describe, expect, it } from 'vitest';
import { defaultCollectivePlan } from '../../collective/defaultCollectivePlan.js';
import { findMainBoard } from '../../space/findMainBoard.js';
import { readAteliers } from '../../space/readAteliers.js';
import { readSpaceMeta } from '../../space/readSpaceMeta.js';
import { fakeCore } from '../../testing/fakeCore.js';
import { FakeRelay } from '../../testing/FakeRelay.js';
import { createCollective } from './createCollective.js';

describe('createCollective', () => {
  it('creates the assembly and each atelier with its main board, and remembers them all', async () => {
    const relay = new FakeRelay();
    const alice = await fakeCore(relay, 'Alice');
    const plan = defaultCollectivePlan('fr');
    const id = await createCollective(
      alice.core,
      { ...plan, collectiveName: '  Convergence ', ateliers: plan.ateliers.slice(0, 2) },
      'fr',
    );
    const assembly = relay.relayDoc(id, id);
    expect(readSpaceMeta(assembly)).toMatchObject({ kind: 'assembly', collectiveName: 'Convergence', assemblyId: '' });
    const ateliers = readAteliers(assembly);
    expect(ateliers.map((a) => a.name)).toEqual(plan.ateliers.slice(0, 2).map((a) => a.name));
    for (const a of ateliers) {
      expect(readSpaceMeta(relay.relayDoc(a.id, a.id))).toMatchObject({ kind: 'atelier', assemblyId: id });
      expect(findMainBoard(relay.relayDoc(a.id, a.id))).not.toBeNull();
    }
    expect((await alice.store.load())?.spaces.map((s) => [s.kind, s.assemblyId])).toEqual([
      ['assembly', id],
      ['atelier', id],
      ['atelier', id],
    ]);
  });
});
