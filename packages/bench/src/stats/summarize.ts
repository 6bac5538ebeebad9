/** Median and spread of repeated measurements, as the report prints them. */
export interface Summary {
  /** Number of samples. */
  n: number;
  median: number;
  min: number;
  max: number;
  /** Half the inter-quartile range relative to the median (0.05 = ±5 %); 0 for fewer than 2 samples. */
  spread: number;
}

/**
 * Summarizes samples with order statistics only: the machine is shared and noisy, so the
 * mean would follow the outliers; the median and the quartiles do not.
 */
export function summarize(samples: readonly number[]): Summary {
  const sorted = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0, median: Number.NaN, min: Number.NaN, max: Number.NaN, spread: 0 };
  const median = quantileSorted(sorted, 0.5);
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  return {
    n,
    median,
    min: sorted[0]!,
    max: sorted[n - 1]!,
    spread: n < 2 || median === 0 ? 0 : iqr / 2 / Math.abs(median),
  };
}

/** The q-quantile (0..1) of sorted samples, linearly interpolated between closest ranks. */
export function quantileSorted(sorted: readonly number[], q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = Math.min(Math.max(q, 0), 1) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
