import * as Y from 'yjs';
import { setIfChanged } from '../util/setIfChanged.js';
import { syncSet } from '../util/syncSet.js';
import { BOARD_ROOTS } from './Board.js';
import type { CardFields } from './CardFields.js';

/** Changes a card's fields; tags and assignees are diffed so concurrent additions merge. */
export function updateCard(doc: Y.Doc, id: string, patch: CardFields): boolean {
  const m = doc.getMap<unknown>(BOARD_ROOTS.cards).get(id);
  if (!(m instanceof Y.Map)) return false;
  doc.transact(() => {
    for (const key of ['title', 'description', 'colour', 'due'] as const) {
      const v = patch[key];
      if (v !== undefined) setIfChanged(m, key, v);
    }
    for (const key of ['tags', 'assignees'] as const) {
      const v = patch[key];
      if (v === undefined) continue;
      let set = m.get(key);
      if (!(set instanceof Y.Map)) {
        set = new Y.Map<unknown>();
        m.set(key, set);
      }
      syncSet(set as Y.Map<unknown>, key === 'tags' ? v.map(normaliseTag).filter(Boolean) : v);
    }
  });
  return true;
}

function normaliseTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').slice(0, 40);
}
