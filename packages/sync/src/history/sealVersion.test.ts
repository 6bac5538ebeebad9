import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeVersionRecord, toHex } from '@trame/protocol';
import { generateIdentity, randomBytes, ready } from '@trame/crypto';
import { openVersionHead } from './openVersionHead.js';
import { openVersionName } from './openVersionName.js';
import { openVersionState } from './openVersionState.js';
import { sealVersion } from './sealVersion.js';
import { sealVersionName } from './sealVersionName.js';

beforeAll(() => ready());

function setup() {
  const identity = generateIdentity();
  const key = randomBytes(32);
  const ids = { spaceId: randomBytes(16), docId: randomBytes(16), versionId: randomBytes(16) };
  const keys = {
    docKey: () => key,
    hasKey: (e: number) => e === 3,
    isTrustedWriter: (id: string, e: number) => id === toHex(identity.publicKey) && e === 3,
  };
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'Compte rendu du 3 décembre');
  const record = sealVersion({
    identity,
    ...ids,
    epoch: 3,
    docKey: key,
    meta: { startAt: 1000, endAt: 2000, authors: [toHex(identity.publicKey)], restoredFrom: null },
    state: Y.encodeStateAsUpdate(doc),
  });
  return { identity, key, ids, keys, record };
}

describe('R113: clients verify every version they show', () => {
  it('HISTORY-1: a sealed version opens to its metadata and state', () => {
    const { ids, keys, record } = setup();
    const { record: r, meta } = openVersionHead(record, ids, keys, { headOnly: false });
    expect(meta.authors.length).toBe(1);
    expect(meta.endAt).toBe(2000);
    const d = new Y.Doc();
    Y.applyUpdate(d, openVersionState(r, keys));
    expect(d.getText('t').toString()).toBe('Compte rendu du 3 décembre');
    // The listing's head alone verifies too.
    expect(openVersionHead(r.head, ids, keys, { headOnly: true }).meta.startAt).toBe(1000);
  });

  it('HISTORY-1: a tampered state, a moved version, a forged author or an unknown epoch is refused', () => {
    const { ids, keys, record } = setup();
    const flipped = record.slice();
    flipped[flipped.length - 1]! ^= 1;
    const { record: r } = openVersionHead(flipped, ids, keys, { headOnly: false });
    expect(() => openVersionState(r, keys)).toThrow(/not the one its author signed/);
    const metaFlip = record.slice();
    metaFlip[120]! ^= 1;
    expect(() => openVersionHead(metaFlip, ids, keys, { headOnly: false })).toThrow(/signature/);
    expect(() => openVersionHead(record, { ...ids, docId: randomBytes(16) }, keys, { headOnly: false })).toThrow(
      /another item/,
    );
    expect(() => openVersionHead(record, ids, { ...keys, isTrustedWriter: () => false }, { headOnly: false })).toThrow(
      /not a writer/,
    );
    expect(() => openVersionHead(record, ids, { ...keys, hasKey: () => false }, { headOnly: false })).toThrow(
      expect.objectContaining({ code: 'VERSION_NO_KEY', number: 8044 }),
    );
    expect(decodeVersionRecord(record).epoch).toBe(3);
  });

  it('HISTORY-1: a name opens only for its own version, signed by a writer', () => {
    const { identity, key, ids, keys } = setup();
    const name = sealVersionName({
      identity,
      ...ids,
      epoch: 3,
      docKey: key,
      name: 'Version votée en AG du 3 décembre',
    });
    expect(openVersionName(name, ids, keys)).toEqual({
      name: 'Version votée en AG du 3 décembre',
      by: toHex(identity.publicKey),
    });
    expect(() => openVersionName(name, { ...ids, versionId: randomBytes(16) }, keys)).toThrow(/another version/);
  });
});
