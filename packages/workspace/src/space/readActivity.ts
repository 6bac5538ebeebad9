import type * as Y from 'yjs';
import { asNumber } from '../util/asNumber.js';
import { asString } from '../util/asString.js';
import { INDEX_ROOTS, type ActivityAction, type ActivityEntry } from './SpaceIndex.js';

const ACTIONS: readonly ActivityAction[] = ['created', 'edited', 'renamed', 'archived', 'restored', 'duplicated'];

/** Recent activity, newest first. */
export function readActivity(doc: Y.Doc, limit = 20): ActivityEntry[] {
  const out: ActivityEntry[] = [];
  for (const raw of doc.getArray<unknown>(INDEX_ROOTS.activity).toArray()) {
    if (typeof raw !== 'object' || raw === null) continue;
    const e = raw as Record<string, unknown>;
    if (!ACTIONS.includes(e.action as ActivityAction)) continue;
    out.push({
      at: asNumber(e.at),
      by: asString(e.by),
      itemId: asString(e.itemId),
      action: e.action as ActivityAction,
    });
  }
  return out.sort((a, b) => b.at - a.at).slice(0, limit);
}
