import { dumpSqlite } from './dumpSqlite.js';

/**
 * Runs `action` (send a frame that must be rejected, and await the rejection) and fails if
 * any row of any table changed meanwhile.
 */
export async function expectStorageUnchanged(dbFile: string, action: () => Promise<unknown>): Promise<void> {
  const before = dumpSqlite(dbFile);
  await action();
  const after = dumpSqlite(dbFile);
  if (after !== before) throw new Error('storage changed although the frame was rejected');
}
