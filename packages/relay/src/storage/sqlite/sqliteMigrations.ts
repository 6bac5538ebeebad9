/** One step of the SQLite schema, applied once, in order; `PRAGMA user_version` records the last. */
export interface SqliteMigration {
  version: number;
  description: string;
  sql: string;
}

/**
 * The SQLite schema, in order. Never edit a released step: append a new one (and its PostgreSQL
 * twin in `postgresMigrations.ts`). A data directory made by an older release is brought up to
 * date at start-up; one made by a newer release is refused ({@link SchemaTooNewError}).
 */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    description: 'spaces, membership log, documents, snapshots, updates (release 0.1.0)',
    sql: `
      CREATE TABLE IF NOT EXISTS spaces (
        space_id BLOB PRIMARY KEY,
        seq INTEGER NOT NULL,
        head_hash BLOB NOT NULL,
        epoch INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE IF NOT EXISTS membership_entries (
        space_id BLOB NOT NULL REFERENCES spaces (space_id),
        seq INTEGER NOT NULL,
        frame BLOB NOT NULL,
        hash BLOB NOT NULL,
        PRIMARY KEY (space_id, seq)
      ) WITHOUT ROWID;

      CREATE TABLE IF NOT EXISTS members (
        space_id BLOB NOT NULL REFERENCES spaces (space_id),
        identity BLOB NOT NULL,
        role INTEGER NOT NULL CHECK (role IN (1, 2, 3)),
        PRIMARY KEY (space_id, identity)
      ) WITHOUT ROWID;

      CREATE TABLE IF NOT EXISTS invites (
        space_id BLOB NOT NULL REFERENCES spaces (space_id),
        identity BLOB NOT NULL,
        role INTEGER NOT NULL CHECK (role IN (1, 2, 3)),
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (space_id, identity)
      ) WITHOUT ROWID;

      CREATE TABLE IF NOT EXISTS documents (
        space_id BLOB NOT NULL REFERENCES spaces (space_id),
        doc_id BLOB NOT NULL,
        snapshot_id BLOB NOT NULL,
        height INTEGER NOT NULL,
        proof BLOB NOT NULL,
        frame_hash BLOB NOT NULL,
        tail_count INTEGER NOT NULL,
        tail_bytes INTEGER NOT NULL,
        PRIMARY KEY (space_id, doc_id)
      ) WITHOUT ROWID;

      CREATE TABLE IF NOT EXISTS snapshots (
        space_id BLOB NOT NULL,
        doc_id BLOB NOT NULL,
        snapshot_id BLOB NOT NULL,
        parent_id BLOB NOT NULL,
        height INTEGER NOT NULL,
        frame BLOB NOT NULL,
        PRIMARY KEY (space_id, doc_id, snapshot_id),
        FOREIGN KEY (space_id, doc_id) REFERENCES documents (space_id, doc_id)
      ) WITHOUT ROWID;

      -- The rowid gives the acceptance order of a tail (R13, R27).
      CREATE TABLE IF NOT EXISTS updates (
        id INTEGER PRIMARY KEY,
        space_id BLOB NOT NULL,
        doc_id BLOB NOT NULL,
        snapshot_id BLOB NOT NULL,
        author BLOB NOT NULL,
        clock INTEGER NOT NULL,
        frame BLOB NOT NULL,
        UNIQUE (space_id, doc_id, snapshot_id, author, clock),
        FOREIGN KEY (space_id, doc_id) REFERENCES documents (space_id, doc_id)
      );
      CREATE INDEX IF NOT EXISTS updates_by_tail ON updates (space_id, doc_id, snapshot_id, id);
    `,
  },
  {
    version: 2,
    description: 'stored bytes per document and membership log bytes per space (R67); members by identity (R68)',
    sql: `
      -- R67: a space's stored bytes are its log's plus its documents' (snapshots and updates
      -- still stored), kept up to date by every write and recounted after every prune.
      ALTER TABLE spaces ADD COLUMN log_bytes INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE documents ADD COLUMN stored_bytes INTEGER NOT NULL DEFAULT 0;
      UPDATE spaces SET log_bytes = (
        SELECT COALESCE(SUM(length(frame)), 0) FROM membership_entries e WHERE e.space_id = spaces.space_id
      );
      UPDATE documents SET stored_bytes = (
        SELECT COALESCE(SUM(length(frame)), 0) FROM snapshots s
        WHERE s.space_id = documents.space_id AND s.doc_id = documents.doc_id
      ) + (
        SELECT COALESCE(SUM(length(frame)), 0) FROM updates u
        WHERE u.space_id = documents.space_id AND u.doc_id = documents.doc_id
      );
      -- R68: "is this identity a member of any space" for the members-only creation policy.
      CREATE INDEX IF NOT EXISTS members_by_identity ON members (identity);
    `,
  },
  {
    version: 3,
    description: 'invite wrap secrets, deleted when the invite ends (MEMBERSHIP-3, R75-R78)',
    sql: `
      CREATE TABLE IF NOT EXISTS invite_wraps (
        space_id BLOB NOT NULL REFERENCES spaces (space_id),
        identity BLOB NOT NULL,
        seq INTEGER NOT NULL,
        wrap BLOB NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (space_id, identity, seq)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    description:
      'version history: encrypted versions kept apart from snapshots, retention per space (HISTORY-1, HISTORY-3)',
    sql: `
      -- R107-R112: a version's head (ids, epoch, author, encrypted metadata, signature) and its
      -- encrypted state, stored as received; never pruned with snapshots (R28, R73), only
      -- thinned by the space's retention policy (named versions never).
      CREATE TABLE IF NOT EXISTS versions (
        id INTEGER PRIMARY KEY,
        space_id BLOB NOT NULL REFERENCES spaces (space_id),
        doc_id BLOB NOT NULL,
        version_id BLOB NOT NULL,
        author BLOB NOT NULL,
        stored_at INTEGER NOT NULL,
        size INTEGER NOT NULL,
        named INTEGER NOT NULL DEFAULT 0 CHECK (named IN (0, 1)),
        head BLOB NOT NULL,
        state BLOB NOT NULL,
        name BLOB,
        UNIQUE (space_id, doc_id, version_id)
      );
      CREATE INDEX IF NOT EXISTS versions_by_document ON versions (space_id, doc_id, stored_at);

      CREATE TABLE IF NOT EXISTS history_retention (
        space_id BLOB PRIMARY KEY REFERENCES spaces (space_id),
        keep_all_seconds INTEGER NOT NULL,
        hourly_seconds INTEGER NOT NULL,
        daily_seconds INTEGER NOT NULL,
        weekly_seconds INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    description: 'large content frames kept in a second file, referenced by id (ADR 0009)',
    sql: `
      -- ADR 0009: a frame at or above the relay's threshold is written to the frames file
      -- (trame.sqlite-frames) and made durable before its row; the row then holds an empty
      -- frame, the frame's id in that file and its size (R67 counts the size).
      ALTER TABLE updates ADD COLUMN frame_ref INTEGER;
      ALTER TABLE updates ADD COLUMN frame_size INTEGER;
      ALTER TABLE snapshots ADD COLUMN frame_ref INTEGER;
      ALTER TABLE snapshots ADD COLUMN frame_size INTEGER;
      CREATE INDEX IF NOT EXISTS updates_by_frame_ref ON updates (frame_ref) WHERE frame_ref IS NOT NULL;
      CREATE INDEX IF NOT EXISTS snapshots_by_frame_ref ON snapshots (frame_ref) WHERE frame_ref IS NOT NULL;
    `,
  },
];
