import { describe, expect, it } from 'vitest';
import { checkMembershipView } from './checkMembershipView.js';

const heads = [new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)];
const held = (seq: number) => heads[seq];

describe('MEMBERSHIP-8: a peer\'s membership view', () => {
  it('MEMBERSHIP-8: the same head at a held seq is fine; another is MEMBERSHIP_FORK', () => {
    expect(checkMembershipView({ viewSeq: 1, viewHead: new Uint8Array(8).fill(2) }, 1, held)).toBeNull();
    expect(checkMembershipView({ viewSeq: 0, viewHead: new Uint8Array(8).fill(1) }, 1, held)).toBeNull();
    const e = checkMembershipView({ viewSeq: 1, viewHead: new Uint8Array(8).fill(9) }, 1, held);
    expect(e).toMatchObject({ code: 'MEMBERSHIP_FORK' });
  });

  it('MEMBERSHIP-8: a peer ahead asks for a fetch; no view says nothing', () => {
    expect(checkMembershipView({ viewSeq: 2, viewHead: new Uint8Array(8) }, 1, held)).toBe('ahead');
    expect(checkMembershipView({ viewSeq: -1, viewHead: new Uint8Array(8) }, 1, held)).toBeNull();
  });
});
