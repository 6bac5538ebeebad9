/**
 * Trame's figure against the best peer's, for a measure where lower is better (`lower`) or
 * higher is better. The best peer is the one that makes the ratio hardest to meet.
 */
export function ratioToBest(
  trame: number,
  peers: readonly number[],
  lowerIsBetter: boolean,
): { best: number; ratio: number } {
  const valid = peers.filter((p) => Number.isFinite(p) && p > 0);
  if (valid.length === 0 || !Number.isFinite(trame)) return { best: Number.NaN, ratio: Number.NaN };
  const best = lowerIsBetter ? Math.min(...valid) : Math.max(...valid);
  return { best, ratio: trame / best };
}
