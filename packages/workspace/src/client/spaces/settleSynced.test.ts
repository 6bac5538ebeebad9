import { describe, expect, it } from 'vitest';
import type { DocumentSessionLike } from '../../sync/SyncApi.js';
import { settleSynced } from './settleSynced.js';

describe('settleSynced', () => {
  it('returns once the relay state arrived, or after the timeout, and at once offline', async () => {
    let synced = false;
    let arrive: () => void = () => {};
    const session = {
      whenSynced: () =>
        new Promise<void>((resolve) => {
          arrive = () => {
            synced = true;
            resolve();
          };
        }),
    } as unknown as DocumentSessionLike;
    const waiting = settleSynced(session, { online: true, timeoutMs: 60_000 });
    arrive();
    await waiting;
    expect(synced).toBe(true);
    const never = { whenSynced: () => new Promise<void>(() => {}) } as unknown as DocumentSessionLike;
    await settleSynced(never, { online: true, timeoutMs: 20 });
    await settleSynced(never, { online: false, timeoutMs: 60_000 });
  });
});
