import type { AtelierDraft } from '../../collective/AtelierDraft.js';
import type { Locale } from '../../collective/Locale.js';
import { initSpaceIndex } from '../../space/initSpaceIndex.js';
import { readSpaceMeta } from '../../space/readSpaceMeta.js';
import { registerAtelier } from '../../space/registerAtelier.js';
import { updateItem } from '../../space/updateItem.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import { createItem } from '../items/createItem.js';
import { WorkspaceError } from '../WorkspaceError.js';
import { addMyDevices } from '../devices/addMyDevices.js';

/**
 * Creates an atelier space in the collective of `assemblyId`, registers it in the assembly's
 * index (its home card) and gives it its main board; returns its id. Refused
 * (`NOT_AN_ASSEMBLY`) under an atelier.
 */
export async function createAtelier<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  assemblyId: string,
  draft: AtelierDraft,
  locale: Locale,
): Promise<string> {
  const assembly = await core.openSpace(assemblyId);
  if (readSpaceMeta(assembly.index.doc)?.kind === 'atelier') {
    throw new WorkspaceError('NOT_AN_ASSEMBLY', `space ${assemblyId} is an atelier`);
  }
  const session = await core.sync.SpaceSession.create(core.connectOptions());
  const id = session.spaceIdHex;
  const space = core.adopt(id, session);
  const now = core.now();
  const name = draft.name.trim();
  const description = draft.description.trim();
  initSpaceIndex(space.index.doc, {
    kind: 'atelier',
    name,
    description,
    colour: draft.colour,
    status: 'active',
    collectiveName: '',
    assemblyId,
    createdAt: now,
    createdBy: core.personId,
  });
  registerAtelier(assembly.index.doc, {
    id,
    name,
    description,
    colour: draft.colour,
    status: 'active',
    createdAt: now,
    lastActivityAt: now,
    lastActivityBy: core.personId,
  });
  await core.remember({ id, kind: 'atelier', assemblyId, joinedAt: now });
  // R125: the person's other devices get the atelier too.
  await addMyDevices(core, id);
  const boardId = await createItem(core, id, {
    type: 'board',
    title: locale === 'fr' ? "Tableau de l'atelier" : 'Atelier board',
    templateId: 'board.atelier',
    locale,
  });
  updateItem(space.index.doc, boardId, { role: 'main' }, core.personId, now);
  await core.settle(space.index);
  return id;
}
