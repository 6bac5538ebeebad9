import { createCollective } from '../client/collective/createCollective.js';
import { defaultCollectivePlan } from '../collective/defaultCollectivePlan.js';
import { readAteliers } from '../space/readAteliers.js';
import { fakeCore } from './fakeCore.js';
import { FakeRelay } from './FakeRelay.js';

/**
 * A collective ("Convergence", one atelier) made by Alice's client core over the fake relay,
 * without the TrameClient facade: the set-up of the commands' unit tests. The clock ticks one
 * millisecond per reading unless `now` is given, so that "newest first" lists have an order.
 */
export async function coreCollective(o: { now?: () => number } = {}) {
  const relay = new FakeRelay();
  let tick = 1_000_000;
  const alice = await fakeCore(relay, 'Alice', { now: o.now ?? (() => ++tick) });
  const plan = defaultCollectivePlan('fr');
  const assemblyId = await createCollective(
    alice.core,
    { ...plan, collectiveName: 'Convergence', ateliers: plan.ateliers.slice(0, 1) },
    'fr',
  );
  const assembly = await alice.core.openSpace(assemblyId);
  const atelierId = readAteliers(assembly.index.doc)[0]!.id;
  return { relay, alice, assemblyId, atelierId };
}
