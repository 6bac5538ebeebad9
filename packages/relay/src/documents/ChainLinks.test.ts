import { describe, expect, it } from 'vitest';
import { ChainLinks } from './ChainLinks.js';

const snap = new Uint8Array(16);
const other = new Uint8Array(16).fill(1);
const link = (n: number): Uint8Array => new Uint8Array(32).fill(n);

describe('ChainLinks', () => {
  it('R117: answers only for the clock it remembered, per document, snapshot and author', () => {
    const links = new ChainLinks();
    links.set('s/d', snap, 'a', 3, link(3));
    expect(links.get('s/d', snap, 'a', 3)).toEqual(link(3));
    expect(links.get('s/d', snap, 'a', 2)).toBeNull();
    expect(links.get('s/d', snap, 'a', 4)).toBeNull();
    expect(links.get('s/d', other, 'a', 3)).toBeNull();
    expect(links.get('s/d', snap, 'b', 3)).toBeNull();
    expect(links.get('s/e', snap, 'a', 3)).toBeNull();
    links.set('s/d', snap, 'a', 4, link(4));
    expect(links.get('s/d', snap, 'a', 3)).toBeNull();
    expect(links.get('s/d', snap, 'a', 4)).toEqual(link(4));
  });

  it('R117: forgets the least recently recorded position past its bound', () => {
    const links = new ChainLinks(2);
    links.set('s/d', snap, 'a', 1, link(1));
    links.set('s/d', snap, 'b', 1, link(2));
    links.set('s/d', snap, 'a', 2, link(3));
    links.set('s/d', snap, 'c', 1, link(4));
    expect(links.size()).toBe(2);
    expect(links.get('s/d', snap, 'b', 1)).toBeNull();
    expect(links.get('s/d', snap, 'a', 2)).toEqual(link(3));
    expect(links.get('s/d', snap, 'c', 1)).toEqual(link(4));
  });
});
