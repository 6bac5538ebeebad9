import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeFrame, encodeSnapshotHeader, toHex, TrameError, ZERO_ID, type SnapshotFrame } from '@trame/protocol';
import { generateIdentity, randomBytes, ready, sealContentFrame, snapshotProof, type Identity } from '@trame/crypto';
import { openSnapshot, type SnapshotAuthority } from './openSnapshot.js';

beforeAll(async () => {
  await ready();
});

const key = new Uint8Array(32).fill(3);
const writer: SnapshotAuthority = { writerError: () => null, key: () => key, checkView: () => {} };

function yjsState(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function snapshot(
  who: Identity,
  o: { plain?: Uint8Array; sealKey?: Uint8Array; tamper?: 'signature' } = {},
): SnapshotFrame {
  const header = encodeSnapshotHeader({
    spaceId: randomBytes(16),
    docId: randomBytes(16),
    epoch: 0,
    snapshotId: randomBytes(16),
    parentId: ZERO_ID,
    height: 1,
    proof: snapshotProof(null),
    author: who.publicKey,
    clocks: [],
  });
  const raw = sealContentFrame(header, o.sealKey ?? key, o.plain ?? yjsState('bonjour'), who);
  if (o.tamper === 'signature') raw[raw.length - 1]! ^= 1;
  return decodeFrame(raw) as SnapshotFrame;
}

describe('openSnapshot', () => {
  it('R40: a snapshot that verifies, opens and parses gives its Yjs state', () => {
    const plain = openSnapshot(snapshot(generateIdentity()), writer);
    expect(plain).toBeInstanceOf(Uint8Array);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, plain as Uint8Array);
    expect(doc.getText('t').toString()).toBe('bonjour');
  });

  it('R53 (INTEGRITY-1): a snapshot that does not decrypt is SNAPSHOT_UNREADABLE naming its author, cause DECRYPT_FAILED', () => {
    const who = generateIdentity();
    const e = openSnapshot(snapshot(who, { sealKey: new Uint8Array(32).fill(9) }), writer) as TrameError;
    expect(e.code).toBe('SNAPSHOT_UNREADABLE');
    expect(e.details).toMatchObject({ author: toHex(who.publicKey), cause: 'DECRYPT_FAILED' });
  });

  it('R53: a bad signature or plaintext that is not a Yjs update is SNAPSHOT_UNREADABLE', () => {
    const who = generateIdentity();
    const forged = openSnapshot(snapshot(who, { tamper: 'signature' }), writer) as TrameError;
    expect(forged.code).toBe('SNAPSHOT_UNREADABLE');
    expect(forged.details.cause).toBe('SIGNATURE_INVALID');
    const garbage = openSnapshot(snapshot(who, { plain: new Uint8Array([255, 255, 255, 7]) }), writer) as TrameError;
    expect(garbage.code).toBe('SNAPSHOT_UNREADABLE');
    expect(garbage.details.cause).toBe('UPDATE_UNREADABLE');
  });

  it('R40: a snapshot whose author may not write is SNAPSHOT_UNREADABLE, cause UNTRUSTED_AUTHOR, before any key is used', () => {
    let keyAsked = false;
    const untrusted: SnapshotAuthority = {
      writerError: () => new TrameError('UNTRUSTED_AUTHOR', 'no'),
      key: () => {
        keyAsked = true;
        return key;
      },
      checkView: () => {},
    };
    const e = openSnapshot(snapshot(generateIdentity()), untrusted) as TrameError;
    expect(e.details.cause).toBe('UNTRUSTED_AUTHOR');
    expect(keyAsked).toBe(false);
  });

  it('R40: without the epoch’s key the snapshot is SNAPSHOT_UNREADABLE, cause NO_KEY', () => {
    const noKey: SnapshotAuthority = {
      ...writer,
      key: () => {
        throw new TrameError('NO_KEY', 'no key');
      },
    };
    expect((openSnapshot(snapshot(generateIdentity()), noKey) as TrameError).details.cause).toBe('NO_KEY');
  });
});
