import { describe, expect, it } from 'vitest';
import { Admission } from './Admission.js';
import { clientAddress } from './clientAddress.js';
import { offersSubprotocol } from './offersSubprotocol.js';
import { TRAME_SUBPROTOCOL } from '@trame/protocol';

const limits = {
  maxConnections: 10,
  maxPendingConnections: 4,
  maxConnectionsPerAddress: 3,
  handshakesPerSecondPerAddress: 1,
  handshakeBurstPerAddress: 5,
};

describe('R60 admission at upgrade', () => {
  it('R60: caps connections per address, and frees a place when one closes', () => {
    let t = 0;
    const a = new Admission(limits, () => t);
    expect([a.admit('a'), a.admit('a'), a.admit('a')]).toEqual([null, null, null]);
    expect(a.admit('a')).toMatchObject({ status: 429 });
    expect(a.admit('b')).toBeNull();
    a.release('a', true);
    t += 10_000;
    expect(a.admit('a')).toBeNull();
  });

  it('R60: caps handshakes per second per address', () => {
    let t = 0;
    const a = new Admission({ ...limits, maxConnectionsPerAddress: 100, maxPendingConnections: 100 }, () => t);
    for (let i = 0; i < 5; i++) {
      expect(a.admit('a')).toBeNull();
      a.release('a', true);
    }
    expect(a.admit('a')).toMatchObject({ status: 429 });
    t += 1000;
    expect(a.admit('a')).toBeNull();
  });

  it('R60: pending connections cannot take the places kept for members; the oldest makes room', () => {
    const a = new Admission({ ...limits, maxConnectionsPerAddress: 100, handshakeBurstPerAddress: 100 });
    const evicted: number[] = [];
    const conns = Array.from({ length: 4 }, (_, i) => ({
      evict: () => {
        evicted.push(i);
        a.release(`x${i}`, true, conns[i]);
      },
    }));
    for (let i = 0; i < 4; i++) expect(a.admit(`x${i}`)).toBeNull();
    // Upgraded but no connection yet: nothing to evict.
    expect(a.admit('y')).toMatchObject({ status: 503 });
    for (const c of conns) a.opened(c);
    a.member(conns[3]!);
    expect(a.admit('y')).toBeNull();
    expect(a.admit('z')).toBeNull();
    expect(evicted).toEqual([0]);
    expect(a.counts()).toEqual({ open: 5, pending: 4, addresses: 6 });
  });

  it('R60: the total is capped whatever the phase', () => {
    const a = new Admission({
      ...limits,
      maxConnectionsPerAddress: 100,
      handshakeBurstPerAddress: 100,
      maxPendingConnections: 100,
    });
    for (let i = 0; i < 10; i++) expect(a.admit(`x${i}`)).toBeNull();
    expect(a.admit('y')).toMatchObject({ status: 503 });
  });

  it('sweep forgets idle addresses', () => {
    let t = 0;
    const a = new Admission(limits, () => t);
    a.admit('a');
    a.release('a', true);
    a.sweep();
    expect(a.counts().addresses).toBe(1);
    t += 60_000;
    a.sweep();
    expect(a.counts().addresses).toBe(0);
  });
});

describe('R60 client address', () => {
  const req = (headers: Record<string, string | string[]>) =>
    ({ headers, socket: { remoteAddress: '10.0.0.1' } }) as never;
  it('R60: uses the socket address unless a trusted header is configured', () => {
    expect(clientAddress(req({ 'x-forwarded-for': '1.2.3.4' }), null)).toBe('10.0.0.1');
    const local = { headers: {}, socket: { remoteAddress: '::ffff:127.0.0.1' } } as never;
    expect(clientAddress(local, null)).toBeNull();
    expect(clientAddress(local, 'x-forwarded-for')).toBe('::ffff:127.0.0.1');
    expect(clientAddress(req({ 'x-forwarded-for': '6.6.6.6, 1.2.3.4' }), 'X-Forwarded-For')).toBe('1.2.3.4');
    expect(clientAddress(req({}), 'x-forwarded-for')).toBe('10.0.0.1');
  });
});

describe('R9 subprotocol', () => {
  it('R9: accepts an offer that lists trame.<version>, refuses anything else', () => {
    expect(offersSubprotocol(TRAME_SUBPROTOCOL)).toBe(true);
    expect(offersSubprotocol(`trame.999, ${TRAME_SUBPROTOCOL}`)).toBe(true);
    expect(offersSubprotocol(undefined)).toBe(false);
    expect(offersSubprotocol('')).toBe(false);
    expect(offersSubprotocol('trame.999')).toBe(false);
    expect(offersSubprotocol(`x${TRAME_SUBPROTOCOL}`)).toBe(false);
  });
});
