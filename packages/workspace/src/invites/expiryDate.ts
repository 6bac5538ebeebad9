/** Expiry choices offered when creating an invite (R77: animateur invites get a subset). */
export type InviteExpiry = '1h' | '1d' | '7d' | '30d' | 'never';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The expiry date for a choice, or undefined for "never". */
export function expiryDate(choice: InviteExpiry, now: number): Date | undefined {
  switch (choice) {
    case '1h':
      return new Date(now + HOUR);
    case '1d':
      return new Date(now + DAY);
    case '7d':
      return new Date(now + 7 * DAY);
    case '30d':
      return new Date(now + 30 * DAY);
    default:
      return undefined;
  }
}
