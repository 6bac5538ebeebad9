import * as Y from 'yjs';
import { compareOrdered } from '../ordering/compareOrdered.js';
import { asBoolean } from '../util/asBoolean.js';
import { asNumber } from '../util/asNumber.js';
import { asString } from '../util/asString.js';
import { mapKeys } from '../util/mapKeys.js';
import type { BoardCard, CardSource, ChecklistItem } from './Board.js';

/** Reads one card's Y.Map into a plain object. */
export function readCard(id: string, m: Y.Map<unknown>): BoardCard {
  const checklist: ChecklistItem[] = [];
  const cl = m.get('checklist');
  if (cl instanceof Y.Map) {
    cl.forEach((v, itemId) => {
      if (typeof v !== 'object' || v === null) return;
      const o = v as Record<string, unknown>;
      checklist.push({ id: itemId, text: asString(o.text), done: asBoolean(o.done), order: asString(o.order) });
    });
    checklist.sort(compareOrdered);
  }
  return {
    id,
    columnId: asString(m.get('columnId')),
    order: asString(m.get('order')),
    title: asString(m.get('title')),
    description: asString(m.get('description')),
    colour: asString(m.get('colour')),
    due: asString(m.get('due')),
    tags: mapKeys(m.get('tags')),
    assignees: mapKeys(m.get('assignees')),
    checklist,
    createdAt: asNumber(m.get('createdAt')),
    createdBy: asString(m.get('createdBy')),
    source: readSource(m.get('source'), m),
  };
}

function readSource(v: unknown, card: Y.Map<unknown>): CardSource | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (o.kind !== 'decision') return null;
  return {
    kind: 'decision',
    key: asString(o.key),
    assemblyId: asString(o.assemblyId),
    minutesId: asString(o.minutesId),
    decisionId: asString(o.decisionId),
    modifiedAt: asNumber(card.get('sourceModifiedAt')),
    withdrawnAt: asNumber(card.get('sourceWithdrawnAt')),
  };
}
