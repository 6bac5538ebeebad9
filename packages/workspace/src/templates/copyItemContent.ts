import * as Y from 'yjs';
import { BOARD_ROOTS } from '../board/Board.js';
import { DOCUMENT_FIELD } from '../document/DOCUMENT_FIELD.js';
import { MINUTES_ROOTS } from '../minutes/Minutes.js';
import type { ItemType } from '../space/SpaceIndex.js';

/**
 * Copies an item's content into an empty doc ("duplicate"). Content is cloned type by type
 * rather than replaying the source's update log: the copy starts without the source's history
 * (deleted text included), which matters when the source held something later removed.
 * Decision links are not copied: a duplicated board must not claim the assembly's decisions.
 */
export function copyItemContent(src: Y.Doc, dst: Y.Doc, type: ItemType): void {
  dst.transact(() => {
    if (type === 'document') {
      const from = src.getXmlFragment(DOCUMENT_FIELD);
      const to = dst.getXmlFragment(DOCUMENT_FIELD);
      to.insert(
        to.length,
        from.toArray().map((n) => (n as Y.XmlElement | Y.XmlText).clone()),
      );
      return;
    }
    const roots = type === 'board' ? Object.values(BOARD_ROOTS) : Object.values(MINUTES_ROOTS);
    for (const name of roots) {
      const from = src.getMap<unknown>(name);
      const to = dst.getMap<unknown>(name);
      from.forEach((v, k) => {
        if (type === 'board' && name === BOARD_ROOTS.cards && v instanceof Y.Map && v.get('source')) return;
        to.set(k, v instanceof Y.AbstractType ? (v as Y.AbstractType<unknown> & { clone(): unknown }).clone() : v);
      });
    }
  });
}
