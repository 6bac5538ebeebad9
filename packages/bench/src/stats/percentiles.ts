import { quantileSorted } from './summarize.js';

/** p50, p90, p99 and max of latency samples (ms). */
export interface Percentiles {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Percentiles of one run's samples (sorted in place of a copy). */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const arr = Array.from(sorted);
  return {
    n: arr.length,
    p50: quantileSorted(arr, 0.5),
    p90: quantileSorted(arr, 0.9),
    p99: quantileSorted(arr, 0.99),
    max: arr.length ? arr[arr.length - 1]! : Number.NaN,
  };
}
