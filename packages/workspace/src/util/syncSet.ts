import type * as Y from 'yjs';

/** Makes the Y.Map-as-set `set` hold exactly `wanted`, touching only the keys that differ. */
export function syncSet(set: Y.Map<unknown>, wanted: Iterable<string>): void {
  const want = new Set(wanted);
  for (const k of [...set.keys()]) if (!want.has(k)) set.delete(k);
  for (const k of want) if (!set.has(k)) set.set(k, true);
}
