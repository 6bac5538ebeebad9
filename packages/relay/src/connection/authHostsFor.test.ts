import { describe, expect, it } from 'vitest';
import { authHostsFor } from './authHostsFor.js';

describe('authHostsFor', () => {
  it('R16: without configured hosts, the Host header the client sent', () => {
    expect(authHostsFor(null, '127.0.0.1:4303')).toEqual(['127.0.0.1:4303']);
    expect(authHostsFor([], 'Trame.Example:443')).toEqual(['trame.example']);
  });

  it('R16: configured public hosts win over any Host header (a relay in the middle chooses it)', () => {
    expect(authHostsFor(['trame.example', 'wss://alt.example/ws'], 'evil.example')).toEqual([
      'trame.example',
      'alt.example',
    ]);
  });

  it('R16: no host at all accepts no AUTH', () => {
    expect(authHostsFor(null, undefined)).toEqual([]);
  });
});
