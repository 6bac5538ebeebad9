import { beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, encodeUpdateHeader, FrameKind, type UpdateFrame } from '@trame/protocol';
import { ready } from '../sodium/sodium.js';
import { generateIdentity } from '../identity/generateIdentity.js';
import { randomBytes } from '../sodium/randomBytes.js';
import { deriveDocKey } from '../keys/deriveDocKey.js';
import { sealContentFrame } from './sealContentFrame.js';
import { openContentFrame } from './openContentFrame.js';

beforeAll(async () => {
  await ready();
});

function makeUpdate() {
  const author = generateIdentity();
  const spaceKey = randomBytes(32);
  const docId = randomBytes(16);
  const key = deriveDocKey(spaceKey, docId);
  const header = encodeUpdateHeader({
    spaceId: randomBytes(16),
    docId,
    epoch: 0,
    snapshotId: new Uint8Array(16),
    author: author.publicKey,
    clock: 1,
  });
  const plaintext = new TextEncoder().encode('Réunion du comité — canari');
  const raw = sealContentFrame(header, key, plaintext, author);
  return { raw, key, plaintext, author };
}

describe('openContentFrame (R40)', () => {
  it('round-trips an UPDATE: signed by its author, decrypted with its header as AD', () => {
    const { raw, key, plaintext } = makeUpdate();
    const frame = decodeFrame(raw) as UpdateFrame;
    expect(frame.kind).toBe(FrameKind.Update);
    expect(openContentFrame(frame, key)).toEqual(plaintext);
  });

  it('rejects a frame whose header was altered (signature, then AD)', () => {
    const { raw, key } = makeUpdate();
    const tampered = raw.slice();
    tampered[88] = tampered[88]! ^ 1; // third byte of the clock: 1 becomes 257
    expect(() => openContentFrame(decodeFrame(tampered) as UpdateFrame, key)).toThrowError(
      expect.objectContaining({ code: 'SIGNATURE_INVALID' }),
    );
  });

  it('rejects the right signature over the wrong key (DECRYPT_FAILED)', () => {
    const { raw } = makeUpdate();
    expect(() => openContentFrame(decodeFrame(raw) as UpdateFrame, randomBytes(32))).toThrowError(
      expect.objectContaining({ code: 'DECRYPT_FAILED' }),
    );
  });

  it('rejects a frame re-signed by someone else under the original author', () => {
    const { raw, key } = makeUpdate();
    const forged = raw.slice();
    forged.set(generateIdentity().publicKey, 54); // claim another author
    expect(() => openContentFrame(decodeFrame(forged) as UpdateFrame, key)).toThrowError(
      expect.objectContaining({ code: 'SIGNATURE_INVALID' }),
    );
  });
});
