import Database from 'better-sqlite3';
import { join } from 'node:path';
import { decodeFrame, type SnapshotFrame, type UpdateFrame } from '@trame/protocol';

/** Every UPDATE and SNAPSHOT the relay stores for a document, decoded (small frames: in the rows). */
export function storedFrames(dataDir: string, docId: Uint8Array): Array<UpdateFrame | SnapshotFrame> {
  const db = new Database(join(dataDir, 'trame.sqlite'), { readonly: true });
  try {
    const rows = [
      ...(db.prepare('SELECT frame FROM snapshots WHERE doc_id = ?').all(Buffer.from(docId)) as Array<{
        frame: Buffer;
      }>),
      ...(db.prepare('SELECT frame FROM updates WHERE doc_id = ?').all(Buffer.from(docId)) as Array<{ frame: Buffer }>),
    ];
    return rows.map((r) => decodeFrame(new Uint8Array(r.frame)) as UpdateFrame | SnapshotFrame);
  } finally {
    db.close();
  }
}
