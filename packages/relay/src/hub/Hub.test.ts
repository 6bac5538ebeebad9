import { describe, expect, it } from 'vitest';
import type { Peer } from './Peer.js';
import { Hub } from './Hub.js';

function peer(id: string, docKey: string | null, spaceKey = 's1'): Peer {
  return { id, spaceKey, docKey, identityKey: `i-${id}`, deliver() {}, close() {} };
}

describe('Hub rooms', () => {
  it('keeps a lone connection and grows to several, then shrinks back, without losing anyone', () => {
    const hub = new Hub<Peer>();
    const a = peer('a', 'd1');
    const b = peer('b', 'd1');
    const c = peer('c', null);
    for (const p of [a, b, c]) hub.track(p);
    hub.join(a);
    expect(hub.documentPeers('s1', 'd1')).toEqual([a]);
    expect([...hub.documentRoom('s1/d1')]).toEqual([a]);
    hub.join(a); // joining twice changes nothing
    hub.join(b);
    hub.join(c);
    expect(hub.documentPeers('s1', 'd1')).toEqual([a, b]);
    expect([...hub.documentRoom('s1/d1')]).toEqual([a, b]);
    expect(hub.spacePeers('s1')).toEqual([a, b, c]);
    hub.leave(a);
    expect(hub.documentPeers('s1', 'd1')).toEqual([b]);
    expect(hub.spacePeers('s1')).toEqual([b, c]);
    hub.untrack(b);
    expect(hub.documentPeers('s1', 'd1')).toEqual([]);
    expect([...hub.documentRoom('s1/d1')]).toEqual([]);
    expect(hub.spacePeers('s1')).toEqual([c]);
    hub.leave(b); // leaving a room one is not in changes nothing
    expect(hub.spacePeers('s1')).toEqual([c]);
    expect(hub.size).toBe(2);
  });

  it('returns copies, so a caller may close connections while iterating', () => {
    const hub = new Hub<Peer>();
    const a = peer('a', 'd1');
    const b = peer('b', 'd1');
    hub.join(a);
    hub.join(b);
    for (const p of hub.documentPeers('s1', 'd1')) hub.leave(p);
    expect(hub.documentPeers('s1', 'd1')).toEqual([]);
  });
});
