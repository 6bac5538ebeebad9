import { describe, expect, it } from 'vitest';
import { expiryDate } from './expiryDate.js';
import { inviteLink } from './inviteLink.js';
import { readInviteFragment } from './readInviteFragment.js';

describe('invites', () => {
  it('puts the token in the fragment only', () => {
    const link = inviteLink('https://trame.example/', 'AbC_-123456789012345');
    const url = new URL(link);
    expect(url.pathname).toBe('/join');
    expect(url.search).toBe('');
    expect(readInviteFragment(url.hash)).toBe('AbC_-123456789012345');
  });

  it('rejects fragments that are not tokens', () => {
    expect(readInviteFragment('')).toBeNull();
    expect(readInviteFragment('#short')).toBeNull();
    expect(readInviteFragment('#<script>alert(1)</script>aaaaaaaaaa')).toBeNull();
  });

  it('computes expiry dates', () => {
    expect(expiryDate('never', 0)).toBeUndefined();
    expect(expiryDate('7d', 0)!.getTime()).toBe(7 * 24 * 3600 * 1000);
  });
});
