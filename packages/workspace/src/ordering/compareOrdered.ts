import type { Ordered } from './Ordered.js';

/**
 * Sort comparator for fractionally ordered elements. Two replicas that insert at the same
 * place at the same time produce equal keys; the id breaks the tie so every replica shows the
 * same order.
 */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order < b.order) return -1;
  if (a.order > b.order) return 1;
  if (a.id < b.id) return -1;
  if (a.id > b.id) return 1;
  return 0;
}
