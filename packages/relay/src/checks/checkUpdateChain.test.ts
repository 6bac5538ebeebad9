import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  chainLinkInput,
  decodeFrame,
  encodeContentBody,
  encodeUpdateHeader,
  isTrameError,
  ZERO_HASH,
  ZERO_ID,
  type UpdateFrame,
} from '@trame/protocol';
import { buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { checkUpdateChain } from './checkUpdateChain.js';
import { storedChainLink } from './storedChainLink.js';

const author = createTestIdentity();
const spaceId = randomId();
const docId = randomId();

const decode = (raw: Uint8Array): UpdateFrame => decodeFrame(raw) as UpdateFrame;

function code(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (isTrameError(e)) return e.code;
    throw e;
  }
}

describe('checkUpdateChain', () => {
  it('R80: a first update names zeros; the next names the stored previous one', () => {
    const first = buildUpdate({ author, spaceId, docId, clock: 1, prevLink: ZERO_HASH });
    expect(code(() => checkUpdateChain(null, decode(first)))).toBeNull();
    const second = buildUpdate({ author, spaceId, docId, clock: 2, prevLink: storedChainLink(first) });
    expect(code(() => checkUpdateChain(storedChainLink(first), decode(second)))).toBeNull();
  });

  it('R80: an update that does not chain to the stored one is CHAIN_MISMATCH', () => {
    const first = buildUpdate({ author, spaceId, docId, clock: 1, prevLink: ZERO_HASH });
    const other = buildUpdate({ author, spaceId, docId, clock: 1, prevLink: ZERO_HASH });
    const second = buildUpdate({ author, spaceId, docId, clock: 2, prevLink: storedChainLink(other) });
    expect(code(() => checkUpdateChain(storedChainLink(first), decode(second)))).toBe('CHAIN_MISMATCH');
    const skipsZero = buildUpdate({ author, spaceId, docId, clock: 1, prevLink: storedChainLink(first) });
    expect(code(() => checkUpdateChain(null, decode(skipsZero)))).toBe('CHAIN_MISMATCH');
  });

  it('R50: the link of a stored frame is over its body, signature left out; unsigned frames alike', () => {
    const signed = buildUpdate({ author, spaceId, docId, clock: 1, prevLink: ZERO_HASH });
    const body = signed.subarray(0, signed.length - 64);
    const expected = createHash('sha256').update(chainLinkInput(body)).digest();
    expect(Buffer.from(storedChainLink(signed)).equals(expected)).toBe(true);
    const header = encodeUpdateHeader({
      spaceId,
      docId,
      epoch: 0,
      snapshotId: ZERO_ID,
      author: author.publicKey,
      clock: 1,
      signed: false,
    });
    const unsigned = encodeContentBody(header, new Uint8Array(24), new Uint8Array(32));
    const link = createHash('sha256').update(chainLinkInput(unsigned)).digest();
    expect(Buffer.from(storedChainLink(unsigned)).equals(link)).toBe(true);
  });
});
