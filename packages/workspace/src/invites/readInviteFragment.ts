import { decodeInviteToken } from '@trame/sync';

/**
 * The invite token from `location.hash`, or null if it is missing, cut or altered so that it
 * cannot be an invite (MINUTES-4: a damaged link is said to be damaged at once, before the
 * person is asked anything or the relay is contacted).
 */
export function readInviteFragment(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  // A preview may follow the token after a '.' (see inviteLink).
  const token = fragment.split('.', 1)[0]!;
  if (!/^[A-Za-z0-9_-]{16,4096}$/.test(token)) return null;
  try {
    decodeInviteToken(token);
  } catch {
    return null;
  }
  return token;
}
