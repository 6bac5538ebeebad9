import type { Fanout, FanoutHealth } from '../fanout/Fanout.js';
import type { RelayStorage, StorageHealth } from '../storage/RelayStorage.js';
import type { WriteHealth } from '../storage/WriteHealth.js';

/** Body of `GET /health`. */
export interface HealthReport {
  ok: boolean;
  storage: StorageHealth;
  /** The fan-out between connections (and instances: Redis), when the relay has one. */
  fanout?: FanoutHealth;
  /** R64: whether the last write committed (a full disk fails writes while reads still work). */
  writes?: { ok: boolean; failingSince?: string; error?: string };
}

/**
 * Asks storage (and the fan-out) for their health, treating a thrown error or no answer within
 * `timeoutMs` as failing (a health check must not hang behind a stuck transaction). The relay
 * is healthy only when every dependency is.
 */
export async function readHealth(
  storage: RelayStorage,
  timeoutMs: number,
  fanout?: Fanout,
  writes?: WriteHealth,
): Promise<HealthReport> {
  const [health, fanoutHealth] = await Promise.all([
    bounded(() => storage.health(), storage.kind, timeoutMs),
    fanout ? bounded(() => fanout.health(), fanout.kind, timeoutMs) : null,
  ]);
  const w = writes?.report();
  const report: HealthReport = { ok: health.ok && (w?.ok ?? true), storage: health, ...(w ? { writes: w } : {}) };
  if (!fanoutHealth) return report;
  return { ...report, ok: report.ok && fanoutHealth.ok, fanout: fanoutHealth };
}

async function bounded<H extends StorageHealth | FanoutHealth>(
  read: () => Promise<H>,
  kind: string,
  timeoutMs: number,
): Promise<H | { ok: false; kind: string; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ ok: false; kind: string; error: string }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, kind, error: 'timeout' }), timeoutMs);
  });
  try {
    return await Promise.race([read().catch(() => ({ ok: false as const, kind })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
