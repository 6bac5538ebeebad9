import Database from 'better-sqlite3';
import { join } from 'node:path';
import { decodeFrame, fromHex, type SnapshotFrame, type UpdateFrame } from '@trame/protocol';

/**
 * What the shared test server's relay stores (its SQLite file in the run's DATA_DIR), read
 * beside the running server: a document's content frames, a space's membership log.
 */
function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(join(process.env.TRAME_E2E_DIR!, 'data', 'trame.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Every SNAPSHOT and UPDATE the relay stores for a document (hex ids), decoded. */
export function storedContentFrames(spaceId: string, docId: string): Array<UpdateFrame | SnapshotFrame> {
  return withDb((db) => {
    const args = [Buffer.from(fromHex(spaceId)), Buffer.from(fromHex(docId))];
    const rows = [
      ...(db.prepare('SELECT frame FROM snapshots WHERE space_id = ? AND doc_id = ?').all(...args) as Array<{
        frame: Buffer;
      }>),
      ...(db.prepare('SELECT frame FROM updates WHERE space_id = ? AND doc_id = ?').all(...args) as Array<{
        frame: Buffer;
      }>),
    ];
    return rows.map((r) => decodeFrame(new Uint8Array(r.frame)) as UpdateFrame | SnapshotFrame);
  });
}

/** A space's membership log as the relay stores it, in order (raw entries). */
export function storedMembershipLog(spaceId: string): Uint8Array[] {
  return withDb((db) =>
    (
      db
        .prepare('SELECT frame FROM membership_entries WHERE space_id = ? ORDER BY seq')
        .all(Buffer.from(fromHex(spaceId))) as Array<{ frame: Buffer }>
    ).map((r) => new Uint8Array(r.frame)),
  );
}
