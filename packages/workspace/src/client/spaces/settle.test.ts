import { describe, expect, it } from 'vitest';
import type { DocumentSessionLike } from '../../sync/SyncApi.js';
import { settle } from './settle.js';

/** A document whose relay never acknowledges; counts writes to the device cache. */
function stuck() {
  const calls = { saveNow: 0 };
  const session = {
    whenSaved: () => new Promise<void>(() => {}),
    saveNow: async () => {
      calls.saveNow++;
    },
  } as unknown as DocumentSessionLike;
  return { session, calls };
}

describe('settle', () => {
  it('gives up on a relay that never acknowledges after the timeout, without writing the cache', async () => {
    const { session, calls } = stuck();
    // whenSaved never resolves: without the timeout this test would hang.
    await settle(session, { online: true, timeoutMs: 30 });
    expect(calls.saveNow).toBe(0);
  });

  it('offline, writes to the device cache at once instead of waiting', async () => {
    const { session, calls } = stuck();
    await settle(session, { online: false, timeoutMs: 60_000 });
    expect(calls.saveNow).toBe(1);
  });
});
