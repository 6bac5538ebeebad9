/**
 * The code of the relay's SQLite worker thread (ADR 0009), run with `new Worker(source, { eval: true })`
 * so that it loads the same way from the TypeScript sources (tests) and from `dist` (no separate
 * build step for a worker file). It holds its own connections and never touches the relay's:
 *
 * - `checkpoint {file, mode}`: `PRAGMA wal_checkpoint(mode)` on a connection of its own to `file`
 *   (the relay's connection runs with `wal_autocheckpoint = 0`, so checkpoints and the fsync of the
 *   database file they end with never run on the event loop);
 * - `put {frame}` / `delete {ids}`: writes of the frames file (large content frames), with
 *   `synchronous = FULL`: `put` answers once the frame is on disk. Puts that arrive together share
 *   one transaction, so one fsync (group commit).
 *
 * Messages are `{id, op, ...}`; answers `{id, result}` or `{id, error, code}`.
 */
export const SQLITE_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlitePath);
const checkpointers = new Map();
let frames = null;
let put = null;
let del = null;

function checkpointer(file) {
  let db = checkpointers.get(file);
  if (!db) {
    db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    // A checkpoint syncs the WAL before copying it and the database file after.
    db.pragma('synchronous = FULL');
    checkpointers.set(file, db);
  }
  return db;
}

function openFrames(file, autocheckpointPages) {
  frames = new Database(file, { fileMustExist: true });
  frames.pragma('busy_timeout = 5000');
  frames.pragma('synchronous = FULL');
  // This thread is the frames file's only writer: its own automatic checkpoints run here.
  frames.pragma('wal_autocheckpoint = ' + Math.trunc(autocheckpointPages));
  frames.pragma('journal_size_limit = ' + 4 * frames.pragma('page_size', { simple: true }) * Math.trunc(autocheckpointPages));
  put = frames.prepare('INSERT INTO frames (frame) VALUES (?)');
  const one = frames.prepare('DELETE FROM frames WHERE id = ?');
  del = frames.transaction((ids) => {
    let n = 0;
    for (const id of ids) n += one.run(id).changes;
    return n;
  });
}

const ops = {
  checkpoint({ file, mode }) {
    if (!['PASSIVE', 'FULL', 'RESTART', 'TRUNCATE'].includes(mode)) throw new Error('bad checkpoint mode ' + mode);
    const [row] = checkpointer(file).pragma('wal_checkpoint(' + mode + ')');
    return { busy: row.busy, log: row.log, checkpointed: row.checkpointed };
  },
  openFrames({ file, autocheckpointPages }) {
    openFrames(file, autocheckpointPages);
    return true;
  },
  put({ frame }) {
    return Number(put.run(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength)).lastInsertRowid);
  },
  delete({ ids }) {
    return del(ids);
  },
  close() {
    for (const db of checkpointers.values()) db.close();
    checkpointers.clear();
    if (frames) frames.close();
    frames = null;
    return true;
  },
};

const answer = (m, run) => {
  try {
    parentPort.postMessage({ id: m.id, result: run() });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String(e && e.message ? e.message : e), code: e && e.code });
  }
};

// Group commit: the puts that arrived together are written in one transaction, one fsync.
let queue = [];
function flush() {
  const batch = queue;
  queue = [];
  for (let i = 0; i < batch.length; ) {
    if (batch[i].op !== 'put') {
      answer(batch[i], () => ops[batch[i].op](batch[i]));
      i++;
      continue;
    }
    let j = i;
    while (j < batch.length && batch[j].op === 'put') j++;
    const puts = batch.slice(i, j);
    let ids = null;
    try {
      ids = frames.transaction(() => puts.map((m) => ops.put(m)))();
    } catch (e) {
      for (const m of puts) answer(m, () => { throw e; });
    }
    if (ids) puts.forEach((m, k) => answer(m, () => ids[k]));
    i = j;
  }
}

parentPort.on('message', (m) => {
  if (queue.length === 0) setImmediate(flush);
  queue.push(m);
});
`;
