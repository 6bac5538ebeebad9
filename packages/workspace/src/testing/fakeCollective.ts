import { defaultCollectivePlan } from '../collective/defaultCollectivePlan.js';
import { readAteliers } from '../space/readAteliers.js';
import { FakeRelay } from './FakeRelay.js';
import { fakeClient } from './fakeClient.js';

/** A collective with one atelier (the first default one), made by Alice over the fake relay. */
export async function fakeCollective() {
  const relay = new FakeRelay();
  const alice = await fakeClient(relay, 'Alice');
  const plan = defaultCollectivePlan('fr');
  const assemblyId = await alice.client.createCollective(
    { ...plan, collectiveName: 'Convergence', ateliers: plan.ateliers.slice(0, 1) },
    'fr',
  );
  const assembly = await alice.client.openSpace(assemblyId);
  const atelierId = readAteliers(assembly.index.doc)[0]!.id;
  return { relay, alice, assemblyId, atelierId };
}
