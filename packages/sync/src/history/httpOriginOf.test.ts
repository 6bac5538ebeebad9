import { describe, expect, it } from 'vitest';
import { httpOriginOf } from './httpOriginOf.js';
import { readVersionMeta } from './readVersionMeta.js';

describe('history helpers', () => {
  it('R105: the HTTP origin of a relay is its websocket URL’s host', () => {
    expect(httpOriginOf('wss://trame.example/ws')).toBe('https://trame.example');
    expect(httpOriginOf('ws://127.0.0.1:8787/ws')).toBe('http://127.0.0.1:8787');
  });

  it('R113: version metadata is read strictly', () => {
    const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    const good = { v: 1, enc: 2, startAt: 1, endAt: 2, authors: ['a'.repeat(64)], restoredFrom: null };
    expect(readVersionMeta(enc(good))).toEqual(good);
    expect(readVersionMeta(enc({ ...good, authors: ['not hex'] }))).toBeNull();
    expect(readVersionMeta(enc({ ...good, v: 2 }))).toBeNull();
    expect(readVersionMeta(enc({ ...good, restoredFrom: 'xyz' }))).toBeNull();
    expect(readVersionMeta(new TextEncoder().encode('{'))).toBeNull();
  });
});
