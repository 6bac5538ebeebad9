/** `current` (the live item), a stored version's id (newest first in `ids`), or `empty`. */
export type VersionRef = string;

/** Newest first: the current version, then the stored ones in list order, then the empty document. */
export function versionRank(id: VersionRef, ids: readonly string[]): number {
  if (id === 'current') return -1;
  if (id === 'empty') return Number.MAX_SAFE_INTEGER;
  const i = ids.indexOf(id);
  return i < 0 ? Number.MAX_SAFE_INTEGER - 1 : i;
}

/**
 * What a version is compared with unless the person chooses: the version just before it (so
 * the comparison shows what that session changed); for the current version, the newest
 * stored one; for the oldest, the empty document.
 */
export function defaultComparison(id: VersionRef, ids: readonly string[]): VersionRef {
  if (id === 'current') return ids[0] ?? 'empty';
  const i = ids.indexOf(id);
  return i < 0 ? 'empty' : (ids[i + 1] ?? 'empty');
}

/** The pair in time order: [older, newer]. */
export function inTimeOrder(a: VersionRef, b: VersionRef, ids: readonly string[]): [VersionRef, VersionRef] {
  return versionRank(a, ids) > versionRank(b, ids) ? [a, b] : [b, a];
}
