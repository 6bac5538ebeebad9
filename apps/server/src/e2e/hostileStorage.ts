import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MembershipAction, Role, ZERO_HASH, type MembershipFields } from '@trame/protocol';
import { signMembershipEntry } from '@trame/crypto';
import type { Identity } from '@trame/sync';
import type { TestRelay } from './harness.js';

/** Test support: a relay whose operator rewrites its storage between two runs. */

export const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());

/** Stops the relay, lets `fn` rewrite its SQLite file, restarts it on the same port. */
export async function withStorage(relay: TestRelay, fn: (db: Database.Database) => void): Promise<void> {
  await relay.stop();
  const db = new Database(join(relay.dataDir, 'trame.sqlite'));
  try {
    fn(db);
  } finally {
    db.close();
  }
  await relay.restart();
}

/**
 * A copy of the relay's database files (stop the relay first), restored (any number of times)
 * by the returned function. The copy lives in the OS temp directory, removed at exit.
 */
export function backupFiles(relay: TestRelay): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'trame-backup-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const copy = (from: string, to: string): void => {
    for (const f of readdirSync(from)) if (f.startsWith('trame.sqlite')) copyFileSync(join(from, f), join(to, f));
  };
  copy(relay.dataDir, dir);
  return () => {
    for (const f of readdirSync(relay.dataDir)) if (f.startsWith('trame.sqlite')) rmSync(join(relay.dataDir, f));
    copy(dir, relay.dataDir);
  };
}

/** One entry the hostile operator signs with a key of its own (or a member's, for a fork). */
export function forgeEntry(
  signer: Identity,
  f: Omit<MembershipFields, 'signer' | 'sealedKeys' | 'expiresAt'> & { expiresAt?: number },
): Uint8Array {
  return signMembershipEntry(
    {
      expiresAt: 0,
      // R72: an entry that opens an epoch commits to a key (this forger holds none that matters).
      keyCommit: f.action === MembershipAction.Genesis ? new Uint8Array(randomBytes(32)) : undefined,
      ...f,
      signer: signer.publicKey,
      sealedKeys:
        f.action === MembershipAction.Remove || f.action === MembershipAction.SetRole
          ? []
          : [{ recipient: f.subject, sealed: new Uint8Array(randomBytes(80)) }],
    },
    signer,
  );
}

/**
 * Replaces a space's whole log and state with `entries` (chained by the caller) and the given
 * members and pending invites, as an operator that rebuilt the space under the same id would.
 */
export function replaceSpace(
  db: Database.Database,
  spaceId: Uint8Array,
  entries: Uint8Array[],
  members: Array<[Uint8Array, Role]>,
  invites: Array<[Uint8Array, Role]> = [],
): void {
  const id = Buffer.from(spaceId);
  db.prepare('DELETE FROM membership_entries WHERE space_id = ?').run(id);
  db.prepare('DELETE FROM members WHERE space_id = ?').run(id);
  db.prepare('DELETE FROM invites WHERE space_id = ?').run(id);
  entries.forEach((raw, seq) =>
    db
      .prepare('INSERT INTO membership_entries (space_id, seq, frame, hash) VALUES (?, ?, ?, ?)')
      .run(id, seq, Buffer.from(raw), Buffer.from(sha256(raw))),
  );
  for (const [pk, role] of members) db.prepare('INSERT INTO members VALUES (?, ?, ?)').run(id, Buffer.from(pk), role);
  for (const [pk, role] of invites)
    db.prepare('INSERT INTO invites VALUES (?, ?, ?, 0)').run(id, Buffer.from(pk), role);
  const head = entries.at(-1)!;
  db.prepare('UPDATE spaces SET seq = ?, head_hash = ?, epoch = 0 WHERE space_id = ?').run(
    entries.length - 1,
    Buffer.from(sha256(head)),
    id,
  );
}

/** A genesis for `spaceId` by `admin` and the entries after it, chained. */
export function forgeLog(
  spaceId: Uint8Array,
  admin: Identity,
  next: Array<{ signer: Identity; action: number; subject: Uint8Array; role: number }>,
): Uint8Array[] {
  const log = [
    forgeEntry(admin, {
      spaceId,
      seq: 0,
      prevHash: ZERO_HASH,
      action: MembershipAction.Genesis,
      subject: admin.publicKey,
      role: Role.Admin,
      epoch: 0,
    }),
  ];
  for (const n of next) {
    log.push(
      forgeEntry(n.signer, {
        spaceId,
        seq: log.length,
        prevHash: sha256(log.at(-1)!),
        action: n.action,
        subject: n.subject,
        role: n.role,
        epoch: 0,
      }),
    );
  }
  return log;
}
