import type { CollectivePlan } from '../../collective/CollectivePlan.js';
import type { Locale } from '../../collective/Locale.js';
import { initSpaceIndex } from '../../space/initSpaceIndex.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import { createAtelier } from './createAtelier.js';
import { addMyDevices } from '../devices/addMyDevices.js';

/**
 * Creates the collective: the assembly, then each atelier as its own space with its main board,
 * registered in the assembly. Returns the assembly's id. Every name is written only into
 * encrypted index documents.
 */
export async function createCollective<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  plan: CollectivePlan,
  locale: Locale,
): Promise<string> {
  const session = await core.sync.SpaceSession.create(core.connectOptions());
  const id = session.spaceIdHex;
  const space = core.adopt(id, session);
  initSpaceIndex(space.index.doc, {
    kind: 'assembly',
    name: plan.assembly.name.trim(),
    description: plan.assembly.description.trim(),
    colour: plan.assembly.colour,
    status: 'active',
    collectiveName: plan.collectiveName.trim(),
    assemblyId: '',
    createdAt: core.now(),
    createdBy: core.personId,
  });
  await core.remember({ id, kind: 'assembly', assemblyId: id, joinedAt: core.now() });
  // R125: the person's other devices get the assembly too.
  await addMyDevices(core, id);
  for (const draft of plan.ateliers) await createAtelier(core, id, draft, locale);
  await core.settle(space.index);
  return id;
}
