import { fromHex, toHex } from '@trame/protocol';
import { readItem } from '../../space/readItem.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import { copyItemContent } from '../../templates/copyItemContent.js';
import type { ClientCore } from '../ClientCore.js';
import { requireWriter } from '../requireWriter.js';
import { WorkspaceError } from '../WorkspaceError.js';
import { listItem } from './listItem.js';

/** Copies a listed item (content, not history) under a new title; returns the copy's id. */
export async function duplicateItem<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  spaceId: string,
  itemId: string,
  title: string,
): Promise<string> {
  const space = await core.openSpace(spaceId);
  requireWriter(space);
  const info = readItem(space.index.doc, itemId);
  if (!info) throw new WorkspaceError('UNKNOWN_ITEM', `item ${itemId} is not listed in space ${spaceId}`);
  const source = core.openDoc(space.session, fromHex(itemId));
  const docId = core.sync.newDocId();
  const copyId = toHex(docId);
  const copy = core.openDoc(space.session, docId);
  try {
    await source.whenSynced();
    copyItemContent(source.doc, copy.doc, info.type);
    listItem(core, space, { id: copyId, type: info.type, title, action: 'duplicated' });
    await core.settle(copy);
  } finally {
    source.destroy();
    copy.destroy();
  }
  return copyId;
}
