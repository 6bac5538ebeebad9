import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { identityFromSeed, Role, type Identity } from '@trame/sync';
import { viewFramesInline } from '@trame/relay';

/**
 * A data directory written by a released Trame, kept in the repository so that every later
 * release proves it can start on it (SELFHOST-4). Identities come from fixed seeds: this is
 * test data, not a secret.
 */
export const RELEASE_FIXTURES = {
  /** Made by release 0.1.0 (protocol 1, SQLite schema 1). */
  '0.1.0': {
    dir: new URL('../fixtures/release-0.1.0/', import.meta.url),
  },
} as const;

/** `fixture.json` beside the data: what the fixture holds, to check after an upgrade. */
export interface ReleaseFixtureFacts {
  release: string;
  protocolVersion: number;
  schemaVersion: number;
  spaceIdHex: string;
  docIdHex: string;
  text: string;
}

/** Alice (animateur) and Bob (membre), the fixture's two people. */
export function fixtureIdentities(): { alice: Identity; bob: Identity } {
  return {
    alice: identityFromSeed(new Uint8Array(32).fill(0xa1)),
    bob: identityFromSeed(new Uint8Array(32).fill(0xb0)),
  };
}

export { Role };

/** Every frame the relay stores, per table, as a digest: what an upgrade must keep byte for byte. */
export function storedFramesDigest(file: string): Record<string, { rows: number; sha256: string }> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // Frames of 32 KiB and more are in the frames file (ADR 0009): digest them where they are.
    viewFramesInline(db, file);
    const out: Record<string, { rows: number; sha256: string }> = {};
    const tables: Record<string, string> = {
      membership_entries: 'SELECT frame FROM membership_entries ORDER BY space_id, seq',
      snapshots: 'SELECT frame FROM snapshots ORDER BY space_id, doc_id, height',
      updates: 'SELECT frame FROM updates ORDER BY id',
    };
    for (const [name, sql] of Object.entries(tables)) {
      const h = createHash('sha256');
      const rows = db.prepare(sql).all() as { frame: Buffer }[];
      for (const r of rows) h.update(r.frame);
      out[name] = { rows: rows.length, sha256: h.digest('hex') };
    }
    return out;
  } finally {
    db.close();
  }
}
