import { describe, expect, it } from 'vitest';
import { filled } from '../testing/fixtures.js';
import { toHex } from '../util/hex.js';
import { rotationRecipientsError } from './rotationRecipients.js';

const A = filled(32, 1);
const B = filled(32, 2);
const C = filled(32, 3);
const remaining = new Set([toHex(A), toHex(B)]);
const box = (recipient: Uint8Array, n = 80) => ({ recipient, sealed: new Uint8Array(n) });

describe('rotationRecipientsError (R70)', () => {
  it('accepts exactly one bundle per remaining identity, in any order', () => {
    expect(rotationRecipientsError([box(B), box(A)], remaining)).toBeNull();
  });
  it('refuses a missing, extra, doubled or empty bundle', () => {
    expect(rotationRecipientsError([box(A)], remaining)).toMatch(/1 bundles for 2/);
    expect(rotationRecipientsError([box(A), box(B), box(C)], remaining)).toMatch(/does not keep access/);
    expect(rotationRecipientsError([box(A), box(A)], remaining)).toMatch(/two bundles/);
    expect(rotationRecipientsError([box(A), box(B, 0)], remaining)).toMatch(/empty/);
  });
});
