import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { framesFileOf } from './framesFileOf.js';

/**
 * ADR 0009, for tools that read a relay database's frames directly (migration to PostgreSQL,
 * tests that scan a copy of the storage): attaches the frames file beside `file` and shadows
 * `updates` and `snapshots` with TEMP views of the same columns whose `frame` is the real frame,
 * wherever it is stored. Unqualified queries then read every frame. A reference whose frame is
 * missing reads as NULL. Returns false (and changes nothing) when the file has no frames file or
 * its schema has no references yet.
 */
export function viewFramesInline(db: Database, file: string): boolean {
  const frames = framesFileOf(file);
  const hasRefs = db.prepare("SELECT 1 FROM pragma_table_info('updates') WHERE name = 'frame_ref'").get();
  if (!hasRefs || !existsSync(frames)) return false;
  db.prepare('ATTACH DATABASE ? AS frames_file').run(frames);
  const frame = (t: string): string =>
    `CASE WHEN ${t}.frame_ref IS NULL THEN ${t}.frame ` +
    `ELSE (SELECT f.frame FROM frames_file.frames f WHERE f.id = ${t}.frame_ref) END AS frame`;
  db.exec(
    `CREATE TEMP VIEW updates AS SELECT u.id, u.space_id, u.doc_id, u.snapshot_id, u.author, u.clock, ` +
      `${frame('u')}, u.frame_ref, u.frame_size FROM main.updates u;` +
      `CREATE TEMP VIEW snapshots AS SELECT s.space_id, s.doc_id, s.snapshot_id, s.parent_id, s.height, ` +
      `${frame('s')}, s.frame_ref, s.frame_size FROM main.snapshots s;`,
  );
  return true;
}
