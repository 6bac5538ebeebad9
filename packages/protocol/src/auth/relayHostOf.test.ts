import { describe, expect, it } from 'vitest';
import { relayHostOf } from './relayHostOf.js';

describe('relayHostOf', () => {
  it('R16: a dialled URL and the Host header it sends name the same host', () => {
    expect(relayHostOf('ws://127.0.0.1:4303/ws')).toBe('127.0.0.1:4303');
    expect(relayHostOf('127.0.0.1:4303')).toBe('127.0.0.1:4303');
    expect(relayHostOf('wss://Trame.Example/ws/room')).toBe('trame.example');
    expect(relayHostOf('trame.example')).toBe('trame.example');
    expect(relayHostOf('ws://[::1]:8787/ws')).toBe('[::1]:8787');
    expect(relayHostOf('[::1]:8787')).toBe('[::1]:8787');
  });

  it('R16: default ports are left out on both sides', () => {
    expect(relayHostOf('wss://trame.example:443/ws')).toBe('trame.example');
    expect(relayHostOf('trame.example:443')).toBe('trame.example');
    expect(relayHostOf('ws://trame.example:80/ws')).toBe('trame.example');
  });

  it('R16: two relays never share a host', () => {
    expect(relayHostOf('ws://127.0.0.1:4303/ws')).not.toBe(relayHostOf('ws://127.0.0.1:4304/ws'));
    expect(relayHostOf('')).toBe('');
    expect(relayHostOf('not a host')).toBe('');
  });
});
