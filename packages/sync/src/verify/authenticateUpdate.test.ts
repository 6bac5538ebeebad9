import { beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, encodeUpdateHeader, TrameError, type UpdateFrame } from '@trame/protocol';
import { generateIdentity, randomBytes, ready, sealContentFrame } from '@trame/crypto';
import { authenticateUpdate, type UpdateAuthority } from './authenticateUpdate.js';

beforeAll(async () => {
  await ready();
});

const key = new Uint8Array(32).fill(3);
const writer: UpdateAuthority = { writerError: () => null, key: () => key };
const author = () => generateIdentity();

function update(o: { signed?: boolean; sealKey?: Uint8Array; tamper?: 'signature' | 'ciphertext' } = {}): UpdateFrame {
  const who = author();
  const header = encodeUpdateHeader({
    spaceId: randomBytes(16),
    docId: randomBytes(16),
    epoch: 0,
    snapshotId: new Uint8Array(16),
    author: who.publicKey,
    clock: 4,
    signed: o.signed ?? true,
  });
  const raw = sealContentFrame(header, o.sealKey ?? key, new Uint8Array([0, 0]), who);
  if (o.tamper === 'signature') raw[raw.length - 1]! ^= 1;
  if (o.tamper === 'ciphertext') raw[header.length + 30]! ^= 1;
  return decodeFrame(raw) as UpdateFrame;
}

describe('authenticateUpdate', () => {
  it('R57: a signed update that verifies and opens counts, with its plaintext', () => {
    const r = authenticateUpdate(update(), writer);
    expect(r).toEqual({ counts: true, plain: new Uint8Array([0, 0]), error: null });
  });

  it('R57: a signature that does not verify (a relay forging the next clock) does not count', () => {
    const r = authenticateUpdate(update({ tamper: 'signature' }), writer);
    expect(r.counts).toBe(false);
    expect(r.error?.code).toBe('SIGNATURE_INVALID');
  });

  it('R57: a signed update its author made unreadable still counts (INTEGRITY-1: skipped, clock used)', () => {
    const r = authenticateUpdate(update({ sealKey: new Uint8Array(32).fill(9) }), writer);
    expect(r.counts).toBe(true);
    expect(r.error?.code).toBe('DECRYPT_FAILED');
  });

  it('R57: a signed update of an author without a write role counts but is refused (MEMBERSHIP-5)', () => {
    const untrusted = { ...writer, writerError: () => new TrameError('UNTRUSTED_AUTHOR', 'no') };
    const r = authenticateUpdate(update(), untrusted);
    expect(r.counts).toBe(true);
    expect(r.error?.code).toBe('UNTRUSTED_AUTHOR');
  });

  it('R57: an unsigned update counts only when the AEAD opens (R51)', () => {
    expect(authenticateUpdate(update({ signed: false }), writer).counts).toBe(true);
    const forged = authenticateUpdate(update({ signed: false, tamper: 'ciphertext' }), writer);
    expect(forged.counts).toBe(false);
    expect(forged.error?.code).toBe('DECRYPT_FAILED');
  });

  it('R57: without the key an unsigned update cannot be authenticated; a signed one can', () => {
    const noKey: UpdateAuthority = {
      writerError: () => null,
      key: () => {
        throw new TrameError('NO_KEY', 'no key');
      },
    };
    expect(authenticateUpdate(update({ signed: false }), noKey)).toMatchObject({ counts: false });
    expect(authenticateUpdate(update(), noKey)).toMatchObject({ counts: true });
    expect(authenticateUpdate(update(), noKey).error?.code).toBe('NO_KEY');
  });
});
