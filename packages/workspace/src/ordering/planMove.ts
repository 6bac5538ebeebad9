import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { compareOrdered } from './compareOrdered.js';
import { isOrderKey } from './isOrderKey.js';
import type { Ordered, OrderUpdate } from './Ordered.js';

/**
 * The order keys to write so that `movedId` lands at `index` among `siblings` (the target
 * list, in any order, with or without the moved element). Usually one update: the moved
 * element's new key. When neighbours share a key (two replicas inserted at the same spot) or a
 * key is malformed, the tied run (or the whole list) is re-keyed too, so the result always
 * sorts exactly as asked.
 */
export function planMove(siblings: readonly Ordered[], movedId: string, index: number): OrderUpdate[] {
  const list = siblings.filter((s) => s.id !== movedId);
  if (!list.every((s) => isOrderKey(s.order))) return rekeyAll(list, movedId, index);
  list.sort(compareOrdered);
  const at = Math.max(0, Math.min(index, list.length));
  const before = list[at - 1]?.order ?? null;
  const after = list[at]?.order ?? null;
  if (before === null || after === null || before < after) {
    return [{ id: movedId, order: generateKeyBetween(before, after) }];
  }
  // `before === after`: widen to the run of equal keys and spread it between its neighbours.
  let start = at - 1;
  while (start > 0 && list[start - 1]!.order === before) start--;
  let end = at;
  while (end < list.length - 1 && list[end + 1]!.order === after) end++;
  const low = list[start - 1]?.order ?? null;
  const high = list[end + 1]?.order ?? null;
  const ids = [...list.slice(start, at).map((s) => s.id), movedId, ...list.slice(at, end + 1).map((s) => s.id)];
  const keys = generateNKeysBetween(low, high, ids.length);
  return ids.map((id, i) => ({ id, order: keys[i]! }));
}

function rekeyAll(list: Ordered[], movedId: string, index: number): OrderUpdate[] {
  // Malformed keys cannot be compared meaningfully: keep the current visual order (invalid
  // keys last) and give everyone a fresh key.
  const sorted = [...list].sort((a, b) => {
    const va = isOrderKey(a.order);
    const vb = isOrderKey(b.order);
    if (va !== vb) return va ? -1 : 1;
    return compareOrdered(a, b);
  });
  const ids = sorted.map((s) => s.id);
  ids.splice(Math.max(0, Math.min(index, ids.length)), 0, movedId);
  const keys = generateNKeysBetween(null, null, ids.length);
  return ids.map((id, i) => ({ id, order: keys[i]! }));
}
