import { EncryptedCache } from '@trame/sync';
import type { LocalCache } from '../../sync/SyncApi.js';
import type { ListableStore } from '../forgetSpaceEntries.js';

/**
 * Re-encrypts every entry of the raw device store from `from` to `to` (the profile first, so
 * the identity survives an interruption best). An entry that already opens under `to` is left
 * as it is (a re-key resumed after an interruption); one that opens under neither is deleted
 * (it would read as absent anyway). Returns how many entries were rewritten.
 */
export async function rekeyCache(raw: LocalCache & ListableStore, from: Uint8Array, to: Uint8Array): Promise<number> {
  const before = new EncryptedCache(raw, from);
  const after = new EncryptedCache(raw, to);
  const names = (await raw.keys()).sort((a, b) => Number(b === 'profile') - Number(a === 'profile'));
  let rewritten = 0;
  for (const name of names) {
    if ((await after.get(name)) !== undefined) continue;
    const value = await before.get(name);
    if (value === undefined) await raw.delete(name);
    else {
      await after.set(name, value);
      rewritten++;
    }
  }
  return rewritten;
}
