import type * as Y from 'yjs';
import type { ItemInfo } from './SpaceIndex.js';
import { readItems } from './readItems.js';

/**
 * The board that receives the assembly's decisions: the one marked `main`, else the oldest
 * live board. Deterministic, so every member's client picks the same one.
 */
export function findMainBoard(doc: Y.Doc): ItemInfo | null {
  const boards = readItems(doc).filter((i) => i.type === 'board');
  const main = boards.filter((b) => b.role === 'main');
  const pool = main.length > 0 ? main : boards;
  pool.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return pool[0] ?? null;
}
