/** The invite token from `location.hash`, or null if it is missing or not token-shaped. */
export function readInviteFragment(hash: string): string | null {
  const token = hash.startsWith('#') ? hash.slice(1) : hash;
  return /^[A-Za-z0-9_-]{16,4096}$/.test(token) ? token : null;
}
