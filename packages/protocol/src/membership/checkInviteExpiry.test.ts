import { describe, expect, it } from 'vitest';
import { Role } from '../constants/Role.js';
import { ADMIN_INVITE_MAX_SECONDS, checkInviteExpiry, INVITE_DEFAULT_SECONDS } from './checkInviteExpiry.js';

const NOW = 1_800_000_000;

describe('checkInviteExpiry (R77)', () => {
  it('R77: an animateur invite that never expires is refused, with or without a clock', () => {
    expect(checkInviteExpiry(Role.Admin, 0)).toMatch(/must expire/);
    expect(checkInviteExpiry(Role.Admin, 0, NOW)).toMatch(/must expire/);
  });

  it('R77: member and observer invites may never expire', () => {
    expect(checkInviteExpiry(Role.Editor, 0, NOW)).toBeNull();
    expect(checkInviteExpiry(Role.Viewer, 0)).toBeNull();
  });

  it('R77: an animateur invite expires within 7 days of the relay clock (an hour of skew allowed)', () => {
    expect(checkInviteExpiry(Role.Admin, NOW + INVITE_DEFAULT_SECONDS, NOW)).toBeNull();
    expect(checkInviteExpiry(Role.Admin, NOW + ADMIN_INVITE_MAX_SECONDS, NOW)).toBeNull();
    expect(checkInviteExpiry(Role.Admin, NOW + ADMIN_INVITE_MAX_SECONDS + 1, NOW)).toMatch(/within 7 days/);
    // Replaying history, a client has no clock for the entry: only "never" is checked.
    expect(checkInviteExpiry(Role.Admin, NOW + 365 * 86400)).toBeNull();
    expect(checkInviteExpiry(Role.Editor, NOW + 30 * 86400, NOW)).toBeNull();
  });

  it('R77: an invite already expired when appended is refused', () => {
    expect(checkInviteExpiry(Role.Viewer, NOW, NOW)).toMatch(/already expired/);
    expect(checkInviteExpiry(Role.Viewer, NOW - 1, NOW)).toMatch(/already expired/);
  });
});
