import type * as Y from 'yjs';

/**
 * Sets `key` only when the value differs. Every Y.Map write is an encrypted, signed update sent
 * to everyone, so idempotent code paths (reconciliation, reports) must not write no-ops.
 */
export function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): boolean {
  const current = map.get(key);
  if (current === value) return false;
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof current === 'object' &&
    current !== null &&
    JSON.stringify(current) === JSON.stringify(value)
  ) {
    return false;
  }
  map.set(key, value);
  return true;
}
