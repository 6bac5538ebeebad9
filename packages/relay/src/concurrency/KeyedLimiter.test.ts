import { describe, expect, it } from 'vitest';
import { KeyedLimiter } from './KeyedLimiter.js';

describe('KeyedLimiter', () => {
  it('HOSTILE-3: R66, at most N tasks per key at a time, in order; other keys are not held back', async () => {
    const limiter = new KeyedLimiter(2);
    const gates: Array<() => void> = [];
    const started: string[] = [];
    const task = (name: string) => () =>
      new Promise<string>((resolve) => {
        started.push(name);
        gates.push(() => resolve(name));
      });
    const a = ['a0', 'a1', 'a2', 'a3'].map((n) => limiter.run('a', task(n)));
    const b = limiter.run('b', task('b0'));
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual(['a0', 'a1', 'b0']);
    expect(limiter.running('a')).toBe(2);
    gates[2]!();
    expect(await b).toBe('b0');
    gates[0]!();
    await a[0];
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual(['a0', 'a1', 'b0', 'a2']);
    for (let i = 1; i < 6; i++) gates[i]?.();
    gates.splice(0).forEach((g) => g());
    await new Promise((r) => setTimeout(r, 10));
    gates.splice(0).forEach((g) => g());
    expect(await Promise.all(a)).toEqual(['a0', 'a1', 'a2', 'a3']);
    expect(limiter.running('a')).toBe(0);
  });
});
