import { describe, expect, it } from 'vitest';
import { historyRequestMessage, Role, toHex } from '@trame/protocol';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { authorizeHistory } from './authorizeHistory.js';
import { checkHistoryRecord } from './checkHistoryRecord.js';
import { parseHistoryPath } from './parseHistoryPath.js';
import { verifyHistoryRequest } from './verifyHistoryRequest.js';

const me = createTestIdentity();
const bodyHash = new Uint8Array(32).fill(3);
const now = 1_800_000_000_000;
const facts = { method: 'PUT', path: '/history/x', bodyHash, hosts: ['trame.example'], now, skewMs: 300_000 };

function headers(o: { time?: number; host?: string; path?: string } = {}) {
  const time = o.time ?? now;
  const message = historyRequestMessage({
    method: 'PUT',
    path: o.path ?? '/history/x',
    time,
    host: o.host ?? 'trame.example',
    bodyHash,
  });
  return { identity: me.hex, time: String(time), signature: toHex(me.sign(message)) };
}

describe('R105: signed history requests', () => {
  it('R105: accepts a request signed for this relay, path, body and a time near the relay clock', () => {
    const v = verifyHistoryRequest(headers(), facts);
    expect('identity' in v && toHex(v.identity)).toBe(me.hex);
  });

  it('R105: refuses another host (a relay in the middle), another path, a stale time or no signature', () => {
    expect(verifyHistoryRequest(headers({ host: 'evil.example' }), facts)).toMatchObject({ refuse: /does not verify/ });
    expect(verifyHistoryRequest(headers({ path: '/history/y' }), facts)).toMatchObject({ refuse: /does not verify/ });
    expect(verifyHistoryRequest(headers({ time: now - 301_000 }), facts)).toMatchObject({ refuse: /too far/ });
    expect(verifyHistoryRequest({ ...headers(), signature: undefined }, facts)).toMatchObject({ refuse: /signature/ });
    const other = createTestIdentity();
    expect(verifyHistoryRequest({ ...headers(), identity: other.hex }, facts)).toMatchObject({
      refuse: /does not verify/,
    });
  });
});

describe('R106: who may read and write history', () => {
  const access = (role: Role) => ({ seq: 3, epoch: 1, role, invite: null });
  it('R106: members read, writers write, animateurs set retention; others get one refusal', () => {
    expect(authorizeHistory(access(Role.Viewer), 'read')).toBeNull();
    expect(authorizeHistory(access(Role.Viewer), 'write')).toMatch(/observers/);
    expect(authorizeHistory(access(Role.Editor), 'write')).toBeNull();
    expect(authorizeHistory(access(Role.Editor), 'retention')).toMatch(/animateurs/);
    expect(authorizeHistory(access(Role.Admin), 'retention')).toBeNull();
    expect(authorizeHistory(access(Role.None), 'read')).toMatch(/not a member/);
    expect(authorizeHistory(null, 'read')).toMatch(/not a member/);
  });
});

describe('R107: a stored record matches its path, its requester and the current epoch', () => {
  const id = (v: number) => new Uint8Array(16).fill(v);
  const target = { spaceId: id(1), docId: id(2), versionId: id(3), identity: me.publicKey, epoch: 4 };
  const record = { spaceId: id(1), docId: id(2), versionId: id(3), epoch: 4, author: me.publicKey };
  it('R107: refuses another document, another author or a stale epoch', () => {
    expect(checkHistoryRecord(record, target)).toBeNull();
    expect(checkHistoryRecord({ ...record, docId: id(9) }, target)?.status).toBe(400);
    expect(checkHistoryRecord({ ...record, versionId: id(9) }, target)?.status).toBe(400);
    expect(checkHistoryRecord({ ...record, author: createTestIdentity().publicKey }, target)?.status).toBe(403);
    expect(checkHistoryRecord({ ...record, epoch: 3 }, target)?.status).toBe(409);
  });

  it('parses only well-formed history paths', () => {
    const h = 'ab'.repeat(16);
    expect(parseHistoryPath(`/history/${h}/retention`)?.kind).toBe('retention');
    expect(parseHistoryPath(`/history/${h}/${h}`)?.kind).toBe('list');
    expect(parseHistoryPath(`/history/${h}/${h}/${h}`)?.kind).toBe('version');
    expect(parseHistoryPath(`/history/${h}/${h}/${h}/name`)?.kind).toBe('name');
    expect(parseHistoryPath(`/history/${h}/../${h}`)).toBeNull();
    expect(parseHistoryPath(`/history/${h.toUpperCase()}/${h}`)).toBeNull();
  });
});
