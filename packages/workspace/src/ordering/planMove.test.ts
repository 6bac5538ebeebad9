import { describe, expect, it } from 'vitest';
import { compareOrdered } from './compareOrdered.js';
import { keyBetween } from './keyBetween.js';
import type { Ordered } from './Ordered.js';
import { planMove } from './planMove.js';

function apply(list: Ordered[], id: string, index: number): string[] {
  const next = list.filter((x) => x.id !== id).map((x) => ({ ...x }));
  next.push({ id, order: '' });
  for (const u of planMove(list, id, index)) next.find((x) => x.id === u.id)!.order = u.order;
  return [...next].sort(compareOrdered).map((x) => x.id);
}

describe('planMove', () => {
  const abc: Ordered[] = [
    { id: 'a', order: 'a0' },
    { id: 'b', order: 'a1' },
    { id: 'c', order: 'a2' },
  ];

  it('places a new element at the start, middle and end with a single update', () => {
    for (const index of [0, 1, 2, 3]) {
      const updates = planMove(abc, 'n', index);
      expect(updates).toHaveLength(1);
      const order = apply(abc, 'n', index);
      expect(order.indexOf('n')).toBe(index);
    }
  });

  it('moves an existing element without touching the others', () => {
    expect(apply(abc, 'a', 2)).toEqual(['b', 'c', 'a']);
    expect(apply(abc, 'c', 0)).toEqual(['c', 'a', 'b']);
    expect(planMove(abc, 'c', 0)).toHaveLength(1);
  });

  it('clamps out-of-range indexes', () => {
    expect(apply(abc, 'n', 99)).toEqual(['a', 'b', 'c', 'n']);
    expect(apply(abc, 'n', -4)).toEqual(['n', 'a', 'b', 'c']);
  });

  it('repairs ties left by concurrent inserts so the element lands exactly where asked', () => {
    // two replicas inserted x and y between a and b at the same time: same key
    const k = keyBetween('a0', 'a1');
    const tied: Ordered[] = [
      { id: 'a', order: 'a0' },
      { id: 'x', order: k },
      { id: 'y', order: k },
      { id: 'b', order: 'a1' },
    ];
    expect(apply(tied, 'n', 2)).toEqual(['a', 'x', 'n', 'y', 'b']);
    const updates = planMove(tied, 'n', 2);
    expect(updates.map((u) => u.id).sort()).toEqual(['n', 'x', 'y']);
  });

  it('re-keys a list whose keys are malformed instead of throwing', () => {
    const bad: Ordered[] = [
      { id: 'a', order: 'a0' },
      { id: 'b', order: '' },
      { id: 'c', order: '!!' },
    ];
    const order = apply(bad, 'n', 1);
    expect(order[1]).toBe('n');
    expect(order).toHaveLength(4);
  });

  it('keeps producing sortable keys after many moves to the same spot', () => {
    let list: Ordered[] = [
      { id: 'a', order: 'a0' },
      { id: 'b', order: 'a1' },
    ];
    for (let i = 0; i < 200; i++) {
      const id = `n${i}`;
      const [u] = planMove(list, id, 1);
      list = [...list, { id, order: u!.order }];
    }
    const sorted = [...list].sort(compareOrdered).map((x) => x.id);
    expect(sorted[0]).toBe('a');
    expect(sorted[1]).toBe('n199');
    expect(sorted.at(-1)).toBe('b');
  });
});
