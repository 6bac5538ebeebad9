import { Role } from '@trame/protocol';
import type { InviteExpiry } from './expiryDate.js';

/**
 * R77 (MEMBERSHIP-3): the expiries offered for an invite of `role`. An animateur invite must
 * expire within 7 days (the relay refuses "never" and anything longer); members and observers
 * may also get 30 days or no expiry. The default is 7 days for every role.
 */
export function inviteExpiryChoices(role: Role): InviteExpiry[] {
  return role === Role.Admin ? ['1h', '1d', '7d'] : ['1d', '7d', '30d', 'never'];
}
