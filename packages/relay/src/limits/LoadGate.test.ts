import { describe, expect, it } from 'vitest';
import { LoadGate } from './LoadGate.js';

describe('R61 load gate', () => {
  it('R61: at most n states per identity and m in total; the others wait their turn', async () => {
    const gate = new LoadGate(2, 3);
    const order: string[] = [];
    const take = (who: string) => gate.acquire(who).then((release) => (order.push(who), release));
    const a1 = await take('a');
    const a2 = await take('a');
    const a3 = take('a');
    const b1 = await take('b');
    const c1 = take('c');
    await Promise.resolve();
    expect(order).toEqual(['a', 'a', 'b']);
    expect(gate.held()).toBe(3);
    a1();
    a1();
    expect(await a3).toBeTypeOf('function');
    expect(order).toEqual(['a', 'a', 'b', 'a']);
    b1();
    await c1;
    expect(order).toEqual(['a', 'a', 'b', 'a', 'c']);
    a2();
    expect(gate.held()).toBe(2);
  });
});
