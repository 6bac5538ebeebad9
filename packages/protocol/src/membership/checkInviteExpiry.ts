import { Role } from '../constants/Role.js';

/** Default lifetime of an invite link (MEMBERSHIP-3): 7 days. */
export const INVITE_DEFAULT_SECONDS = 7 * 24 * 60 * 60;

/** Longest lifetime of an animateur invite (R77): 7 days, plus an hour for clock skew. */
export const ADMIN_INVITE_MAX_SECONDS = INVITE_DEFAULT_SECONDS + 60 * 60;

/**
 * R77: an INVITE's `expiresAt`. An animateur invite must expire (0 = never is refused) and, on
 * the relay's clock when it is appended, within {@link ADMIN_INVITE_MAX_SECONDS}; no invite may
 * be already expired when appended. Clients replaying history (no `nowSeconds`) check only the
 * first part. Returns why the entry breaks the rule, or null.
 */
export function checkInviteExpiry(role: number, expiresAt: number, nowSeconds?: number): string | null {
  if (role === Role.Admin && expiresAt === 0) return 'an animateur invite must expire (R77)';
  if (nowSeconds === undefined || expiresAt === 0) return null;
  if (expiresAt <= nowSeconds) return 'invite already expired (R77)';
  if (role === Role.Admin && expiresAt > nowSeconds + ADMIN_INVITE_MAX_SECONDS) {
    return 'an animateur invite expires within 7 days (R77)';
  }
  return null;
}
