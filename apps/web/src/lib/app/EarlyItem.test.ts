import { afterEach, describe, expect, it, vi } from 'vitest';
import { EarlyItem } from './EarlyItem';

afterEach(() => vi.useRealTimers());

describe('EarlyItem', () => {
  it('gives the held opening to the screen of its key, once', async () => {
    const close = vi.fn();
    const early = new EarlyItem<string>(close);
    early.hold('s/i', Promise.resolve('session'));
    expect(early.take('s/other')).toBeNull();
    await expect(early.take('s/i')).resolves.toBe('session');
    expect(early.take('s/i')).toBeNull();
    expect(close).not.toHaveBeenCalled();
  });

  it('closes an item no screen took in time', async () => {
    vi.useFakeTimers();
    const close = vi.fn();
    const early = new EarlyItem<string>(close, 1000);
    early.hold('s/i', Promise.resolve('session'));
    await vi.advanceTimersByTimeAsync(1001);
    expect(close).toHaveBeenCalledWith('session');
    expect(early.take('s/i')).toBeNull();
  });

  it('closes the previous item when another is held, and ignores a failed opening', async () => {
    const close = vi.fn();
    const early = new EarlyItem<string>(close);
    early.hold('a', Promise.resolve('first'));
    early.hold('b', Promise.resolve('second'));
    await Promise.resolve();
    await Promise.resolve();
    expect(close).toHaveBeenCalledWith('first');
    early.hold('c', Promise.reject(new Error('refused')));
    early.hold('d', Promise.resolve('fourth'));
    await Promise.resolve();
    await Promise.resolve();
    expect(close.mock.calls).toEqual([['first'], ['second']]);
    await expect(early.take('d')).resolves.toBe('fourth');
  });
});
