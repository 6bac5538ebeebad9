/**
 * R73: the key epoch of a state the relay served: its snapshot's, or with none the oldest
 * epoch among its tail's updates and what was `held` before (null: still empty).
 */
export function servedStateEpoch(
  snapshot: { epoch: number } | null,
  updates: ReadonlyArray<{ epoch: number }>,
  held: number | null,
): number | null {
  if (snapshot) return snapshot.epoch;
  return updates.reduce<number | null>((m, u) => Math.min(m ?? u.epoch, u.epoch), held);
}
