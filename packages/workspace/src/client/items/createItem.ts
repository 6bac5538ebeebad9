import { toHex } from '@trame/protocol';
import type { Locale } from '../../collective/Locale.js';
import { claimAuthorship } from '../../historyView/claimAuthorship.js';
import type { ItemType } from '../../space/SpaceIndex.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import { applyTemplate } from '../../templates/applyTemplate.js';
import type { ClientCore } from '../ClientCore.js';
import { requireWriter } from '../requireWriter.js';
import { todayIso } from '../todayIso.js';
import { listItem } from './listItem.js';

/** Creates a document, board or minutes from a template and lists it; returns its id. */
export async function createItem<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  spaceId: string,
  o: { type: ItemType; title: string; templateId?: string; locale: Locale },
): Promise<string> {
  const space = await core.openSpace(spaceId);
  requireWriter(space);
  const docId = core.sync.newDocId();
  const itemId = toHex(docId);
  const item = core.openDoc(space.session, docId);
  try {
    const now = core.now();
    // HISTORY-2: the template's text is its creator's
    claimAuthorship(item.doc, core.personId);
    applyTemplate(item.doc, o.templateId ?? `${o.type}.blank`, { locale: o.locale, now, today: todayIso(now) });
    listItem(core, space, { id: itemId, type: o.type, title: o.title, action: 'created' });
    await core.settle(item);
  } finally {
    item.destroy();
  }
  return itemId;
}
