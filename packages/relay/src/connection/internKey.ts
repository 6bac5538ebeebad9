const pool = new Map<string, string>();
const MAX_KEYS = 50_000;

/**
 * One string per distinct hex key: the connections of a space (and of one identity's tabs)
 * then share their `spaceKey` / `identityKey` instead of holding a copy each. The pool is
 * dropped wholesale when full; keys made before that simply stay unshared.
 */
export function internKey(key: string): string {
  const known = pool.get(key);
  if (known !== undefined) return known;
  if (pool.size >= MAX_KEYS) pool.clear();
  pool.set(key, key);
  return key;
}
