import { describe, expect, it } from 'vitest';
import { checkRetentionPolicy } from './checkRetentionPolicy.js';
import { decodeNameRecord } from './decodeNameRecord.js';
import { decodeVersionRecord } from './decodeVersionRecord.js';
import { encodeNameRecord } from './encodeNameRecord.js';
import { encodeVersionRecord } from './encodeVersionRecord.js';
import { historyRequestMessage } from './historyRequestMessage.js';
import { DEFAULT_RETENTION_POLICY } from './RetentionPolicy.js';

const fill = (n: number, v: number) => new Uint8Array(n).fill(v);

function sampleVersion(state = fill(40, 9)) {
  const enc = encodeVersionRecord({
    spaceId: fill(16, 1),
    docId: fill(16, 2),
    versionId: fill(16, 3),
    epoch: 7,
    author: fill(32, 4),
    metaNonce: fill(24, 5),
    metaCiphertext: fill(20, 6),
    stateNonce: fill(24, 7),
    stateCiphertext: state,
    stateHash: fill(32, 8),
  });
  return { enc, raw: enc.finish(fill(64, 10)) };
}

describe('version records (PROTOCOL.md §10.2)', () => {
  it('R107: a version record round-trips, and its head is the record without the state', () => {
    const { enc, raw } = sampleVersion();
    const v = decodeVersionRecord(raw);
    expect(v.epoch).toBe(7);
    expect(v.versionId).toEqual(fill(16, 3));
    expect(v.author).toEqual(fill(32, 4));
    expect(v.metaCiphertext).toEqual(fill(20, 6));
    expect(v.stateLength).toBe(40);
    expect(v.stateCiphertext).toEqual(fill(40, 9));
    expect(v.signed).toEqual(enc.signed);
    expect(v.header.length).toBe(86);
    expect(v.head.length).toBe(raw.length - 40);
    const head = decodeVersionRecord(v.head, { headOnly: true });
    expect(head.stateCiphertext).toBeNull();
    expect(head.stateLength).toBe(40);
  });

  it('R107: a truncated, padded or mislabelled record is MALFORMED_FRAME', () => {
    const { raw } = sampleVersion();
    expect(() => decodeVersionRecord(raw.subarray(0, raw.length - 1))).toThrow(/too short/);
    const longer = new Uint8Array(raw.length + 1);
    longer.set(raw);
    expect(() => decodeVersionRecord(longer)).toThrow(/trailing/);
    const other = raw.slice();
    other[1] = 2;
    expect(() => decodeVersionRecord(other)).toThrow(/not a version/);
  });

  it('R109: a name record round-trips and refuses an oversized name', () => {
    const enc = encodeNameRecord({
      spaceId: fill(16, 1),
      docId: fill(16, 2),
      versionId: fill(16, 3),
      epoch: 2,
      author: fill(32, 4),
      nonce: fill(24, 5),
      ciphertext: fill(30, 6),
    });
    const n = decodeNameRecord(enc.finish(fill(64, 7)));
    expect(n.epoch).toBe(2);
    expect(n.ciphertext).toEqual(fill(30, 6));
    expect(n.signed).toEqual(enc.signed);
    const big = encodeNameRecord({
      spaceId: fill(16, 1),
      docId: fill(16, 2),
      versionId: fill(16, 3),
      epoch: 2,
      author: fill(32, 4),
      nonce: fill(24, 5),
      ciphertext: fill(2000, 6),
    });
    expect(() => decodeNameRecord(big.finish(fill(64, 7)))).toThrow(/out of bounds/);
  });
});

describe('R105: history request message', () => {
  it('R105: binds method, path, time, host and body', () => {
    const base = { method: 'PUT', path: '/history/a/b/c', time: 1000, host: 'trame.example', bodyHash: fill(32, 1) };
    const m = historyRequestMessage(base);
    for (const change of [
      { method: 'GET' },
      { path: '/history/a/b/d' },
      { time: 1001 },
      { host: 'evil.example' },
      { bodyHash: fill(32, 2) },
    ]) {
      expect(historyRequestMessage({ ...base, ...change })).not.toEqual(m);
    }
    expect(new TextDecoder().decode(m.subarray(0, 25))).toBe('trame/v1/history-request\0');
  });
});

describe('R111: retention policies', () => {
  it('R111: accepts the default and refuses a policy that would drop recent versions', () => {
    expect(checkRetentionPolicy({ ...DEFAULT_RETENTION_POLICY })).toBeNull();
    expect(checkRetentionPolicy({ ...DEFAULT_RETENTION_POLICY, keepAllSeconds: 60 })).toMatch(/under an hour/);
    expect(checkRetentionPolicy({ ...DEFAULT_RETENTION_POLICY, hourlySeconds: 3600 })).toMatch(/hourly/);
    expect(checkRetentionPolicy({ ...DEFAULT_RETENTION_POLICY, weeklySeconds: 10 })).toMatch(/weekly/);
    expect(checkRetentionPolicy({ ...DEFAULT_RETENTION_POLICY, dailySeconds: 1.5 })).toMatch(/range/);
    expect(checkRetentionPolicy({ ...DEFAULT_RETENTION_POLICY, extra: 1 })).toMatch(/fields/);
    expect(checkRetentionPolicy(null)).toMatch(/object/);
  });
});
