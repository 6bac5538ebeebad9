import { describe, expect, it } from 'vitest';
import { isTrameError, toHex } from '@trame/protocol';
import { buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { checkSnapshotLinks } from './checkSnapshotLinks.js';
import { storedChainLink } from './storedChainLink.js';

const a = createTestIdentity();
const b = createTestIdentity();
const spaceId = randomId();
const docId = randomId();

function code(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (isTrameError(e)) return e.code;
    throw e;
  }
}

describe('checkSnapshotLinks', () => {
  const ua = buildUpdate({ author: a, spaceId, docId, clock: 1 });
  const ub = buildUpdate({ author: b, spaceId, docId, clock: 1 });
  const stored = new Map([
    [toHex(a.publicKey), ua],
    [toHex(b.publicKey), ub],
  ]);

  it("R81: a snapshot listing each author's stored last link passes", () => {
    const clocks = [
      { author: a.publicKey, clock: 1, link: storedChainLink(ua) },
      { author: b.publicKey, clock: 1, link: storedChainLink(ub) },
    ];
    expect(code(() => checkSnapshotLinks(clocks, stored))).toBeNull();
  });

  it("R81: another link than the stored update's, or none, is CHAIN_MISMATCH", () => {
    const wrong = [{ author: a.publicKey, clock: 1, link: storedChainLink(ub) }];
    expect(code(() => checkSnapshotLinks(wrong, stored))).toBe('CHAIN_MISMATCH');
    expect(code(() => checkSnapshotLinks([{ author: a.publicKey, clock: 1, link: new Uint8Array(32) }], stored))).toBe(
      'CHAIN_MISMATCH',
    );
  });
});
