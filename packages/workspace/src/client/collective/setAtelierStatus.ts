import { Role } from '@trame/protocol';
import { updateAtelier } from '../../space/updateAtelier.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import { WorkspaceError } from '../WorkspaceError.js';

/** Activates an atelier or puts it to rest (assembly animateurs only, else `FORBIDDEN`). */
export async function setAtelierStatus<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  assemblyId: string,
  atelierId: string,
  status: 'active' | 'resting',
): Promise<void> {
  const assembly = await core.openSpace(assemblyId);
  if (assembly.session.myRole !== Role.Admin) {
    throw new WorkspaceError('FORBIDDEN', 'only assembly animateurs change an atelier status');
  }
  updateAtelier(assembly.index.doc, atelierId, { status });
}
