import * as Y from 'yjs';
import type { OrderUpdate } from '../ordering/Ordered.js';

/** Writes `order` keys from {@link planMove} into the Y.Maps of `container`. */
export function applyOrder(container: Y.Map<unknown>, updates: readonly OrderUpdate[]): void {
  for (const u of updates) {
    const m = container.get(u.id);
    if (m instanceof Y.Map && m.get('order') !== u.order) m.set('order', u.order);
  }
}
