import type { RelayStorage, StorageHealth } from '../storage/RelayStorage.js';

/** Body of `GET /health`. */
export interface HealthReport {
  ok: boolean;
  storage: StorageHealth;
}

/**
 * Asks storage for its health, treating a thrown error or no answer within `timeoutMs` as
 * failing (a health check must not hang behind a stuck transaction).
 */
export async function readHealth(storage: RelayStorage, timeoutMs: number): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<StorageHealth>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, kind: storage.kind, error: 'timeout' }), timeoutMs);
  });
  try {
    const health = await Promise.race([
      storage.health().catch((): StorageHealth => ({ ok: false, kind: storage.kind })),
      timeout,
    ]);
    return { ok: health.ok, storage: health };
  } finally {
    clearTimeout(timer);
  }
}
