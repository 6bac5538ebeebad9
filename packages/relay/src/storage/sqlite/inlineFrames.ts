import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { framesFileOf } from './framesFileOf.js';

/**
 * ADR 0009: writes every frame that `db` (a copy of a relay database, e.g. a backup) references
 * in the frames file beside `sourceFile` into its own row, so that the copy is self-contained.
 * Throws when a referenced frame is missing (it was pruned while the copy was made: copy again).
 * Returns how many frames were copied in.
 */
export function inlineFrames(db: Database, sourceFile: string): number {
  const frames = framesFileOf(sourceFile);
  const hasRefs = db.prepare("SELECT 1 FROM pragma_table_info('updates') WHERE name = 'frame_ref'").get();
  if (!hasRefs || !existsSync(frames)) return 0;
  db.prepare('ATTACH DATABASE ? AS frames_file').run(frames);
  try {
    return db.transaction(() => {
      let n = 0;
      for (const table of ['updates', 'snapshots']) {
        const missing = db
          .prepare(
            `SELECT count(*) FROM main.${table} t WHERE t.frame_ref IS NOT NULL ` +
              'AND NOT EXISTS (SELECT 1 FROM frames_file.frames f WHERE f.id = t.frame_ref)',
          )
          .pluck()
          .get() as number;
        if (missing > 0) throw new Error(`${missing} ${table} frames are missing from ${frames}`);
        n += db
          .prepare(
            `UPDATE main.${table} SET frame = (SELECT f.frame FROM frames_file.frames f WHERE f.id = frame_ref), ` +
              'frame_ref = NULL, frame_size = NULL WHERE frame_ref IS NOT NULL',
          )
          .run().changes;
      }
      return n;
    })();
  } finally {
    db.exec('DETACH DATABASE frames_file');
  }
}
