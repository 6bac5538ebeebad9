import Database from 'better-sqlite3';
import { join } from 'node:path';
import { HistoryClient, VersionRecorder, type HistoryClientOptions, type VersionInfo } from '@trame/sync/history';
import { toHex, type DocumentSession, type SpaceSession } from '@trame/sync';

/** A history client of `space` for a document (HISTORY-1), with the test's clock and fetch if given. */
export function historyOf(
  space: SpaceSession,
  docId: Uint8Array,
  o: Partial<Omit<HistoryClientOptions, 'space' | 'docId'>> = {},
): HistoryClient {
  return new HistoryClient({ space, docId, ...o });
}

/** Records versions of an open document with a short idle time; `saved` collects version ids. */
export function recordVersions(
  space: SpaceSession,
  session: DocumentSession,
  history: HistoryClient,
  idleMs = 150,
): { recorder: VersionRecorder; saved: string[]; errors: unknown[] } {
  const saved: string[] = [];
  const errors: unknown[] = [];
  const recorder = new VersionRecorder({
    doc: session.doc,
    awareness: session.awareness,
    selfId: toHex(space.identity.publicKey),
    canWrite: () => session.canWrite,
    history,
    policy: { idleMs, maxSessionMs: 60_000 },
    onSaved: (id) => saved.push(id),
    onError: (e) => errors.push(e),
  });
  return { recorder, saved, errors };
}

/** The version record (head ‖ state) as the relay's SQLite file stores it. */
export function storedVersion(dataDir: string, versionId: string): Uint8Array<ArrayBuffer> {
  const db = new Database(join(dataDir, 'trame.sqlite'), { readonly: true });
  try {
    const row = db
      .prepare('SELECT head, state FROM versions WHERE version_id = ?')
      .get(Buffer.from(versionId, 'hex')) as { head: Buffer; state: Buffer };
    return new Uint8Array(Buffer.concat([row.head, row.state]));
  } finally {
    db.close();
  }
}

/** Ids of a listing, for comparisons. */
export function idsOf(versions: VersionInfo[]): string[] {
  return versions.map((v) => v.id);
}
