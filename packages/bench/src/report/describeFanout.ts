import type { FanoutResult } from '../scenarios/runFanout.js';
import type { ServerKind } from '../servers/ServerKind.js';
import { summarize } from '../stats/summarize.js';

/**
 * One paragraph on how the fan-out throughput room ran, printed under the table and written
 * into docs/benchmarks.md: its figures are only a server measure when the clients kept up,
 * so the clients' load and Trame's coalescing are stated beside them.
 */
export function describeFanout(f: FanoutResult): string {
  const med = (xs: number[]): number => summarize(xs).median;
  const parts = (Object.entries(f.runs) as Array<[ServerKind, NonNullable<FanoutResult['runs'][ServerKind]>]>).map(
    ([kind, runs]) => {
      const elu = med(runs.map((r) => 100 * Math.max(...r.workerElu)));
      const skipped = runs.reduce((n, r) => n + r.skipped, 0);
      const frames = med(runs.map((r) => r.clientMessages / r.typed));
      const incomplete = runs.filter((r) => !r.complete).length;
      const errors = runs.reduce((n, r) => n + r.typistErrors, 0);
      return (
        `${kind}: busiest client worker ${elu.toFixed(0)} % busy, ${frames.toFixed(2)} client messages per key` +
        (skipped ? `, ${skipped} keys dropped by saturated workers` : '') +
        (incomplete ? `, ${incomplete} run(s) not drained before the deadline` : '') +
        (errors ? `, ${errors} frames refused` : '')
      );
    },
  );
  return (
    `Fan-out (throughput): ${f.clients} clients in one room (${f.realEditors} real editors, ` +
    `${f.clients - f.realEditors} typists), ${f.keysPerSec} keys/s each for ${(f.typingMs / 1000).toFixed(1)} s. ` +
    `${parts.join('; ')}. A client worker near 100 % busy means the clients, not the server, set the pace.`
  );
}
