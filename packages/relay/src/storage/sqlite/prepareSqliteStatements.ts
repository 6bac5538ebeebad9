import type { Database, Statement } from 'better-sqlite3';

/** The prepared statements of {@link SqliteQueries}, by name. */
export function prepareSqliteStatements(db: Database): Record<string, Statement> {
  const p = (sql: string): Statement => db.prepare(sql);
  return {
    space: p('SELECT seq, head_hash, epoch FROM spaces WHERE space_id = ?'),
    members: p('SELECT identity, role FROM members WHERE space_id = ?'),
    invites: p('SELECT identity, role, expires_at FROM invites WHERE space_id = ?'),
    member: p('SELECT role FROM members WHERE space_id = ? AND identity = ?'),
    invite: p('SELECT role, expires_at FROM invites WHERE space_id = ? AND identity = ?'),
    entry: p('SELECT frame FROM membership_entries WHERE space_id = ? AND seq = ?'),
    entriesPage: p(
      'SELECT seq, frame FROM membership_entries WHERE space_id = ? AND seq > ? AND seq <= ? ORDER BY seq',
    ),
    insertSpace: p('INSERT INTO spaces (space_id, seq, head_hash, epoch) VALUES (?, ?, ?, ?)'),
    updateSpace: p('UPDATE spaces SET seq = ?, head_hash = ?, epoch = ? WHERE space_id = ?'),
    insertEntry: p('INSERT INTO membership_entries (space_id, seq, frame, hash) VALUES (?, ?, ?, ?)'),
    upsertMember: p(
      'INSERT INTO members (space_id, identity, role) VALUES (?, ?, ?) ' +
        'ON CONFLICT (space_id, identity) DO UPDATE SET role = excluded.role',
    ),
    deleteMember: p('DELETE FROM members WHERE space_id = ? AND identity = ?'),
    upsertInvite: p(
      'INSERT INTO invites (space_id, identity, role, expires_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (space_id, identity) DO UPDATE SET role = excluded.role, expires_at = excluded.expires_at',
    ),
    deleteInvite: p('DELETE FROM invites WHERE space_id = ? AND identity = ?'),
    inviteWraps: p('SELECT seq, wrap FROM invite_wraps WHERE space_id = ? AND identity = ? ORDER BY seq'),
    insertInviteWrap: p('INSERT INTO invite_wraps (space_id, identity, seq, wrap, expires_at) VALUES (?, ?, ?, ?, ?)'),
    deleteInviteWrap: p('DELETE FROM invite_wraps WHERE space_id = ? AND identity = ?'),
    deleteExpiredInviteWraps: p('DELETE FROM invite_wraps WHERE expires_at > 0 AND expires_at < ?'),
    document: p(
      'SELECT snapshot_id, height, proof, frame_hash, tail_count, tail_bytes FROM documents ' +
        'WHERE space_id = ? AND doc_id = ?',
    ),
    insertDocument: p(
      'INSERT INTO documents (space_id, doc_id, snapshot_id, height, proof, frame_hash, tail_count, tail_bytes) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    updateDocument: p(
      'UPDATE documents SET snapshot_id = ?, height = ?, proof = ?, frame_hash = ?, tail_count = ?, tail_bytes = ? ' +
        'WHERE space_id = ? AND doc_id = ?',
    ),
    lastClock: p(
      'SELECT MAX(clock) AS clock FROM updates WHERE space_id = ? AND doc_id = ? AND snapshot_id = ? AND author = ?',
    ),
    findUpdate: p(
      'SELECT frame, frame_ref FROM updates ' +
        'WHERE space_id = ? AND doc_id = ? AND snapshot_id = ? AND author = ? AND clock = ?',
    ),
    tailClocks: p(
      'SELECT author, MAX(clock) AS clock FROM updates WHERE space_id = ? AND doc_id = ? AND snapshot_id = ? ' +
        'GROUP BY author ORDER BY author',
    ),
    tailBound: p(
      'SELECT COUNT(*) AS count, COALESCE(MAX(id), 0) AS up_to FROM updates ' +
        'WHERE space_id = ? AND doc_id = ? AND snapshot_id = ?',
    ),
    tailSeek: p(
      'SELECT id FROM updates WHERE space_id = ? AND doc_id = ? AND snapshot_id = ? AND id > ? AND id <= ? ' +
        'ORDER BY id LIMIT 1 OFFSET ?',
    ),
    tailPage: p(
      'SELECT id, frame, frame_ref FROM updates ' +
        'WHERE space_id = ? AND doc_id = ? AND snapshot_id = ? AND id > ? AND id <= ? ORDER BY id',
    ),
    insertUpdate: p(
      'INSERT INTO updates (space_id, doc_id, snapshot_id, author, clock, frame, frame_ref, frame_size) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    findSnapshot: p('SELECT frame, frame_ref FROM snapshots WHERE space_id = ? AND doc_id = ? AND snapshot_id = ?'),
    insertSnapshot: p(
      'INSERT INTO snapshots (space_id, doc_id, snapshot_id, parent_id, height, frame, frame_ref, frame_size) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    // ADR 0009: the frames-file references of the rows a prune deletes.
    prunedUpdateRefs: p(
      'SELECT frame_ref FROM updates WHERE space_id = ? AND doc_id = ? AND snapshot_id NOT IN (?, ?) ' +
        'AND frame_ref IS NOT NULL',
    ),
    prunedSnapshotRefs: p(
      'SELECT frame_ref FROM snapshots WHERE space_id = ? AND doc_id = ? AND snapshot_id NOT IN (?, ?) ' +
        'AND frame_ref IS NOT NULL',
    ),
    pruneUpdates: p('DELETE FROM updates WHERE space_id = ? AND doc_id = ? AND snapshot_id NOT IN (?, ?)'),
    pruneSnapshots: p('DELETE FROM snapshots WHERE space_id = ? AND doc_id = ? AND snapshot_id NOT IN (?, ?)'),
    addLogBytes: p('UPDATE spaces SET log_bytes = log_bytes + ? WHERE space_id = ?'),
    addStoredBytes: p('UPDATE documents SET stored_bytes = stored_bytes + ? WHERE space_id = ? AND doc_id = ?'),
    recountStoredBytes: p(
      'UPDATE documents SET stored_bytes = ' +
        '(SELECT COALESCE(SUM(COALESCE(frame_size, length(frame))), 0) FROM snapshots s WHERE s.space_id = @space AND s.doc_id = @doc) + ' +
        '(SELECT COALESCE(SUM(COALESCE(frame_size, length(frame))), 0) FROM updates u WHERE u.space_id = @space AND u.doc_id = @doc) ' +
        'WHERE space_id = @space AND doc_id = @doc',
    ),
    storedBytes: p(
      'SELECT COALESCE((SELECT log_bytes FROM spaces WHERE space_id = @space), 0) + ' +
        '(SELECT COALESCE(SUM(stored_bytes), 0) FROM documents WHERE space_id = @space) AS space, ' +
        'COALESCE((SELECT stored_bytes FROM documents WHERE space_id = @space AND doc_id = @doc), 0) AS document',
    ),
    isMemberAnywhere: p('SELECT 1 AS yes FROM members WHERE identity = ? LIMIT 1'),
    ping: p('SELECT 1 AS ok'),
  };
}
