import Database from 'better-sqlite3';
import { join } from 'node:path';
import { encodeSnapshotHeader, encodeUpdateHeader, ZERO_HASH, ZERO_ID } from '@trame/protocol';
import { chainLink, identityFromSeed, randomBytes, sealContentFrame, sha256, snapshotProof } from '@trame/crypto';
import { DEFAULT_SIGNATURE_POLICY, type SpaceState } from '@trame/sync';

/** How a seeded document is stored: its whole update history, or one snapshot. */
export type SeedForm = 'history' | 'compacted';

/**
 * Writes a document straight into a (stopped) relay's SQLite file, as the relay would have
 * stored it: `history` = one sealed UPDATE per Yjs update on no snapshot (what a relay holds
 * when no client ever compacted), `compacted` = one SNAPSHOT of the state (R46). Frames are
 * sealed by a member, so clients verify and decrypt them like any others: the history is one
 * hash chain (R50), signed as the clients' default policy signs (R51; the last one always).
 */
export function seedTrameDocument(
  dataDir: string,
  space: SpaceState,
  authorSeed: Uint8Array,
  docId: Uint8Array,
  form: SeedForm,
  content: { updates: readonly Uint8Array[]; state: Uint8Array },
): void {
  const author = identityFromSeed(authorSeed);
  const key = space.docKey(space.epoch, docId);
  const db = new Database(join(dataDir, 'trame.sqlite'));
  const insertDoc = db.prepare(
    'INSERT OR REPLACE INTO documents (space_id, doc_id, snapshot_id, height, proof, frame_hash, tail_count, tail_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertUpdate = db.prepare(
    'INSERT INTO updates (space_id, doc_id, snapshot_id, author, clock, frame) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertSnapshot = db.prepare(
    'INSERT INTO snapshots (space_id, doc_id, snapshot_id, parent_id, height, frame) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    if (form === 'history') {
      let bytes = 0;
      // The document row first: updates reference it.
      insertDoc.run(space.spaceId, docId, ZERO_ID, 0, ZERO_HASH, ZERO_HASH, content.updates.length, 0);
      let prevLink = ZERO_HASH;
      const every = DEFAULT_SIGNATURE_POLICY.everyFrames;
      content.updates.forEach((u, i) => {
        const signed = (i + 1) % every === 0 || i === content.updates.length - 1;
        const header = encodeUpdateHeader({
          spaceId: space.spaceId,
          docId,
          epoch: space.epoch,
          snapshotId: ZERO_ID,
          author: author.publicKey,
          clock: i + 1,
          prevLink,
          signed,
        });
        const frame = sealContentFrame(header, key, u, author);
        prevLink = chainLink(signed ? frame.subarray(0, frame.length - 64) : frame);
        bytes += frame.length;
        insertUpdate.run(space.spaceId, docId, ZERO_ID, author.publicKey, i + 1, frame);
      });
      insertDoc.run(space.spaceId, docId, ZERO_ID, 0, ZERO_HASH, ZERO_HASH, content.updates.length, bytes);
    } else {
      const snapshotId = randomBytes(16);
      const proof = snapshotProof(null);
      const header = encodeSnapshotHeader({
        spaceId: space.spaceId,
        docId,
        epoch: space.epoch,
        snapshotId,
        parentId: ZERO_ID,
        height: 1,
        proof,
        author: author.publicKey,
        clocks: [{ author: author.publicKey, clock: content.updates.length }],
      });
      const frame = sealContentFrame(header, key, content.state, author);
      insertDoc.run(space.spaceId, docId, snapshotId, 1, proof, sha256(frame), 0, 0);
      insertSnapshot.run(space.spaceId, docId, snapshotId, ZERO_ID, 1, frame);
    }
  })();
  db.close();
}
