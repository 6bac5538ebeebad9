import { describe, expect, it } from 'vitest';
import { expiryDate } from './expiryDate.js';
import { inviteLink } from './inviteLink.js';
import { readInviteFragment } from './readInviteFragment.js';
import { encodeInviteToken } from '@trame/sync';
import { Role } from '@trame/protocol';
import { readInvitePreview } from './readInvitePreview.js';
import { encodeInvitePreview } from './encodeInvitePreview.js';

describe('invites', () => {
  const token = encodeInviteToken({
    spaceId: new Uint8Array(16).fill(7),
    seed: new Uint8Array(32).fill(9),
    inviteSeq: 3,
    inviteHash: new Uint8Array(32).fill(5),
  });

  it('puts the token in the fragment only', () => {
    const link = inviteLink('https://trame.example/', token);
    const url = new URL(link);
    expect(url.pathname).toBe('/join');
    expect(url.search).toBe('');
    expect(readInviteFragment(url.hash)).toBe(token);
  });

  it('MINUTES-4: (a) a cut or lengthened link is damaged before anything is asked', () => {
    expect(readInviteFragment(`#${token.slice(0, -5)}`)).toBeNull();
    expect(readInviteFragment(`#${token}AAAA`)).toBeNull();
  });

  it('rejects fragments that are not tokens', () => {
    expect(readInviteFragment('')).toBeNull();
    expect(readInviteFragment('#short')).toBeNull();
    expect(readInviteFragment('#<script>alert(1)</script>aaaaaaaaaa')).toBeNull();
  });

  it('MINUTES-8: carries a preview of the invitation after the token, strictly read', () => {
    const preview = {
      collective: 'Convergence',
      space: 'Juridique',
      kind: 'atelier' as const,
      role: Role.Viewer,
      inviter: 'Léa',
    };
    const url = new URL(inviteLink('https://trame.example', token, preview));
    expect(readInviteFragment(url.hash)).toBe(token);
    expect(readInvitePreview(url.hash)).toEqual(preview);
    expect(readInvitePreview(`#${token}`)).toBeNull();
    expect(readInvitePreview(`#${token}.${encodeInvitePreview({ ...preview, role: 9 as Role })}`)).toBeNull();
    expect(readInvitePreview(`#${token}.${encodeInvitePreview({ ...preview, space: 'x'.repeat(300) })}`)).toBeNull();
    expect(readInvitePreview(`#${token}.%%%`)).toBeNull();
  });

  it('computes expiry dates', () => {
    expect(expiryDate('never', 0)).toBeUndefined();
    expect(expiryDate('7d', 0)!.getTime()).toBe(7 * 24 * 3600 * 1000);
  });
});

describe('isAccessRefusal', () => {
  it('tells a refusal from a network failure', async () => {
    const { TrameError, CloseCode } = await import('@trame/protocol');
    const { isAccessRefusal } = await import('../client/isAccessRefusal.js');
    expect(isAccessRefusal(new TrameError('NOT_A_MEMBER'))).toBe(true);
    expect(isAccessRefusal(new TrameError('INVALID_MEMBERSHIP'))).toBe(true);
    expect(isAccessRefusal(new TrameError('CONNECTION_CLOSED', '', { closeCode: CloseCode.Forbidden }))).toBe(true);
    expect(isAccessRefusal(new TrameError('CONNECTION_CLOSED', '', { closeCode: 1006 }))).toBe(false);
    expect(isAccessRefusal(new Error('network'))).toBe(false);
    expect(isAccessRefusal(null)).toBe(false);
  });
});
