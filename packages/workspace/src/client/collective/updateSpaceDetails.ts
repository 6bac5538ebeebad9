import { Role } from '@trame/protocol';
import { canWrite } from '../../roles/canWrite.js';
import { readSpaceMeta } from '../../space/readSpaceMeta.js';
import { updateAtelier } from '../../space/updateAtelier.js';
import { updateSpaceMeta } from '../../space/updateSpaceMeta.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import { WorkspaceError } from '../WorkspaceError.js';

/**
 * Renames or re-describes a space (animateurs only, else `FORBIDDEN`). For an atelier, the
 * assembly's registry entry (its home card) follows when this user may write there.
 */
export async function updateSpaceDetails<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  spaceId: string,
  patch: { name?: string; description?: string; colour?: string; collectiveName?: string },
): Promise<void> {
  const space = await core.openSpace(spaceId);
  if (space.session.myRole !== Role.Admin) throw new WorkspaceError('FORBIDDEN', 'only animateurs edit a space');
  const entry = {
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
    ...(patch.colour !== undefined ? { colour: patch.colour } : {}),
  };
  updateSpaceMeta(space.index.doc, {
    ...entry,
    ...(patch.collectiveName !== undefined ? { collectiveName: patch.collectiveName.trim() } : {}),
  });
  const meta = readSpaceMeta(space.index.doc);
  if (meta?.kind === 'atelier' && meta.assemblyId && core.isJoined(meta.assemblyId)) {
    const assembly = await core.openSpace(meta.assemblyId).catch(() => null);
    if (assembly && canWrite(assembly.session.myRole)) updateAtelier(assembly.index.doc, spaceId, entry);
  }
}
