/** One step of the PostgreSQL schema, applied once and recorded in `schema_migrations`. */
export interface PostgresMigration {
  version: number;
  description: string;
  sql: string;
}

/**
 * The PostgreSQL schema, in order. Never edit a released step: append a new one. Integers that
 * the protocol carries as u32 (seq, clock, height, epoch, expiry) are `bigint`, because
 * PostgreSQL's `integer` is signed. Frames are `bytea` stored EXTERNAL: ciphertext does not
 * compress, so TOAST should not try.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    description: 'spaces, membership log, documents, snapshots, updates',
    sql: `
      CREATE TABLE spaces (
        space_id bytea PRIMARY KEY,
        seq bigint NOT NULL,
        head_hash bytea NOT NULL,
        epoch bigint NOT NULL
      );

      CREATE TABLE membership_entries (
        space_id bytea NOT NULL REFERENCES spaces (space_id),
        seq bigint NOT NULL,
        frame bytea NOT NULL,
        hash bytea NOT NULL,
        PRIMARY KEY (space_id, seq)
      );
      ALTER TABLE membership_entries ALTER COLUMN frame SET STORAGE EXTERNAL;

      CREATE TABLE members (
        space_id bytea NOT NULL REFERENCES spaces (space_id),
        identity bytea NOT NULL,
        role smallint NOT NULL CHECK (role IN (1, 2, 3)),
        PRIMARY KEY (space_id, identity)
      );

      CREATE TABLE invites (
        space_id bytea NOT NULL REFERENCES spaces (space_id),
        identity bytea NOT NULL,
        role smallint NOT NULL CHECK (role IN (1, 2, 3)),
        expires_at bigint NOT NULL,
        PRIMARY KEY (space_id, identity)
      );

      -- seq: commit sequence of the document's last UPDATE or SNAPSHOT (the fan-out's order).
      CREATE TABLE documents (
        space_id bytea NOT NULL REFERENCES spaces (space_id),
        doc_id bytea NOT NULL,
        snapshot_id bytea NOT NULL,
        height bigint NOT NULL,
        proof bytea NOT NULL,
        frame_hash bytea NOT NULL,
        tail_count bigint NOT NULL,
        tail_bytes bigint NOT NULL,
        seq bigint NOT NULL,
        PRIMARY KEY (space_id, doc_id)
      );

      -- One snapshot per height: a fork (two snapshots on one parent) cannot be stored even if
      -- the per-document lock were bypassed.
      CREATE TABLE snapshots (
        space_id bytea NOT NULL,
        doc_id bytea NOT NULL,
        snapshot_id bytea NOT NULL,
        parent_id bytea NOT NULL,
        height bigint NOT NULL,
        doc_seq bigint NOT NULL,
        frame bytea NOT NULL,
        PRIMARY KEY (space_id, doc_id, snapshot_id),
        UNIQUE (space_id, doc_id, height),
        UNIQUE (space_id, doc_id, doc_seq),
        FOREIGN KEY (space_id, doc_id) REFERENCES documents (space_id, doc_id)
      );
      ALTER TABLE snapshots ALTER COLUMN frame SET STORAGE EXTERNAL;

      -- The primary key makes a clock accepted twice impossible (R20); doc_seq orders a tail.
      CREATE TABLE updates (
        space_id bytea NOT NULL,
        doc_id bytea NOT NULL,
        snapshot_id bytea NOT NULL,
        author bytea NOT NULL,
        clock bigint NOT NULL,
        doc_seq bigint NOT NULL,
        frame bytea NOT NULL,
        PRIMARY KEY (space_id, doc_id, snapshot_id, author, clock),
        UNIQUE (space_id, doc_id, doc_seq),
        FOREIGN KEY (space_id, doc_id) REFERENCES documents (space_id, doc_id)
      );
      ALTER TABLE updates ALTER COLUMN frame SET STORAGE EXTERNAL;
      CREATE INDEX updates_by_tail ON updates (space_id, doc_id, snapshot_id, doc_seq);
    `,
  },
  {
    version: 2,
    description: 'stored bytes per document and membership log bytes per space (R67); members by identity (R68)',
    sql: `
      ALTER TABLE spaces ADD COLUMN log_bytes bigint NOT NULL DEFAULT 0;
      ALTER TABLE documents ADD COLUMN stored_bytes bigint NOT NULL DEFAULT 0;
      UPDATE spaces SET log_bytes = (
        SELECT COALESCE(SUM(octet_length(frame)), 0) FROM membership_entries e WHERE e.space_id = spaces.space_id
      );
      UPDATE documents SET stored_bytes = (
        SELECT COALESCE(SUM(octet_length(frame)), 0) FROM snapshots s
        WHERE s.space_id = documents.space_id AND s.doc_id = documents.doc_id
      ) + (
        SELECT COALESCE(SUM(octet_length(frame)), 0) FROM updates u
        WHERE u.space_id = documents.space_id AND u.doc_id = documents.doc_id
      );
      CREATE INDEX members_by_identity ON members (identity);
    `,
  },
  {
    version: 3,
    description: 'invite wrap secrets, deleted when the invite ends (MEMBERSHIP-3, R75-R78)',
    sql: `
      CREATE TABLE invite_wraps (
        space_id bytea NOT NULL REFERENCES spaces (space_id),
        identity bytea NOT NULL,
        seq bigint NOT NULL,
        wrap bytea NOT NULL,
        expires_at bigint NOT NULL,
        PRIMARY KEY (space_id, identity, seq)
      );
    `,
  },
  {
    version: 4,
    description:
      'version history: encrypted versions kept apart from snapshots, retention per space (HISTORY-1, HISTORY-3)',
    sql: `
      CREATE TABLE versions (
        space_id bytea NOT NULL REFERENCES spaces (space_id),
        doc_id bytea NOT NULL,
        version_id bytea NOT NULL,
        author bytea NOT NULL,
        stored_at bigint NOT NULL,
        size bigint NOT NULL,
        named boolean NOT NULL DEFAULT false,
        head bytea NOT NULL,
        state bytea NOT NULL,
        name bytea,
        PRIMARY KEY (space_id, doc_id, version_id)
      );
      ALTER TABLE versions ALTER COLUMN state SET STORAGE EXTERNAL;
      CREATE INDEX versions_by_document ON versions (space_id, doc_id, stored_at);

      CREATE TABLE history_retention (
        space_id bytea PRIMARY KEY REFERENCES spaces (space_id),
        keep_all_seconds bigint NOT NULL,
        hourly_seconds bigint NOT NULL,
        daily_seconds bigint NOT NULL,
        weekly_seconds bigint NOT NULL
      );
    `,
  },
];
