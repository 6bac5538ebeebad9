import Database from 'better-sqlite3';

/** A plaintext peer's document store: Yjs updates per document name, in order. */
export interface PeerStore {
  /** Every stored update of a document, oldest first. */
  load(name: string): Uint8Array[];
  /** Appends one update (y-websocket's persistence does this per update, like y-leveldb). */
  append(name: string, update: Uint8Array): void;
  /** Replaces the document by one state (Hocuspocus's database extension does this, debounced). */
  replace(name: string, state: Uint8Array): void;
  /** Appends many updates in one transaction (seeding). */
  appendMany(name: string, updates: readonly Uint8Array[]): void;
  close(): void;
}

/**
 * Opens the SQLite file the peers persist to. WAL with `synchronous = NORMAL`: a commit is not
 * fsynced, as with y-leveldb (LevelDB's default) and most Hocuspocus database setups, so the
 * peers pay no durability cost that they do not pay in practice.
 */
export function openPeerStore(file: string): PeerStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY, name TEXT NOT NULL, u BLOB NOT NULL)');
  db.exec('CREATE INDEX IF NOT EXISTS updates_by_name ON updates (name, id)');
  const select = db.prepare('SELECT u FROM updates WHERE name = ? ORDER BY id');
  const insert = db.prepare('INSERT INTO updates (name, u) VALUES (?, ?)');
  const remove = db.prepare('DELETE FROM updates WHERE name = ?');
  const replace = db.transaction((name: string, state: Uint8Array) => {
    remove.run(name);
    insert.run(name, state);
  });
  const appendMany = db.transaction((name: string, updates: readonly Uint8Array[]) => {
    for (const u of updates) insert.run(name, u);
  });
  return {
    load: (name) =>
      (select.all(name) as Array<{ u: Uint8Array }>).map(
        (r) => new Uint8Array(r.u.buffer, r.u.byteOffset, r.u.byteLength),
      ),
    append: (name, update) => void insert.run(name, update),
    replace: (name, state) => replace(name, state),
    appendMany: (name, updates) => appendMany(name, updates),
    close: () => db.close(),
  };
}
