import type { Role } from '@trame/protocol';
import type { InvitePreview } from '../../invites/InvitePreview.js';
import { readSpaceMeta } from '../../space/readSpaceMeta.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import type { OpenSpace } from '../OpenSpace.js';

/** What the invitee of `space` reads before being asked anything (MINUTES-8). */
export async function invitePreviewFor<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  space: OpenSpace<S>,
  role: Role,
): Promise<InvitePreview> {
  const meta = readSpaceMeta(space.index.doc);
  let collective = meta?.collectiveName ?? '';
  if (!collective && meta?.assemblyId && core.isJoined(meta.assemblyId)) {
    const assembly = await core.openSpace(meta.assemblyId).catch(() => null);
    collective = (assembly && readSpaceMeta(assembly.index.doc)?.collectiveName) || '';
  }
  return { collective, space: meta?.name ?? '', kind: meta?.kind ?? 'atelier', role, inviter: core.displayName };
}
