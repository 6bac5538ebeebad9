import { describe, expect, it } from 'vitest';
import { ClientOwners } from './ClientOwners.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('ClientOwners', () => {
  it('R116: bindings of an earlier session come back from the cache and join this session’s', () => {
    const first = new Map([[11, A]]);
    const before = new ClientOwners(() => first);
    const bytes = before.encode()!;
    const live = new Map([[22, B]]);
    const after = new ClientOwners(() => live);
    after.load(bytes);
    expect(after.current()).toEqual(
      new Map([
        [11, A],
        [22, B],
      ]),
    );
  });

  it('R116: the first binding stays: a later author seen under a cached client id does not replace it', () => {
    const cached = new ClientOwners(() => new Map([[11, A]])).encode()!;
    const o = new ClientOwners(() => new Map([[11, B]]));
    o.load(cached);
    expect(o.current().get(11)).toBe(A);
  });

  it('R116: writes only when a binding was added; ignores malformed cache bytes', () => {
    const live = new Map<number, string>();
    const o = new ClientOwners(() => live);
    expect(o.encode()).toBeNull();
    live.set(11, A);
    expect(o.encode()).not.toBeNull();
    expect(o.encode()).toBeNull();
    const p = new ClientOwners(() => new Map());
    p.load(new TextEncoder().encode('{"v":1,"owners":[[1,"zz"],[-1,"' + A + '"],["2","' + A + '"],[3,"' + B + '"]]}'));
    p.load(new TextEncoder().encode('not json'));
    p.load(new TextEncoder().encode('{"v":2,"owners":[[4,"' + A + '"]]}'));
    expect(p.current()).toEqual(new Map([[3, B]]));
  });
});
