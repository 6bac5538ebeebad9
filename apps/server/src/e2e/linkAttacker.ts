import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { decodeFrame, FrameKind, type Frame, type MembershipFrame } from '@trame/protocol';
import { aeadDecrypt, deriveDocKey, openKeyBundle, unwrapInviteSealed } from '@trame/crypto';
import { decodeInviteToken, identityFromSeed } from '@trame/sync';
import { viewFramesInline } from '@trame/relay';
import type { TestRelay } from './harness.js';

/**
 * Test support for MEMBERSHIP-3: someone who holds an old invite link (from a chat history)
 * and a copy of the relay's data directory, and tries to read the space with them.
 */

/**
 * A copy of the relay's SQLite files taken while it runs (database file, frames file (ADR 0009)
 * and their write-ahead logs as they are on disk: what a seized or backed-up server gives).
 * Removed at exit.
 */
const SEIZED = ['trame.sqlite', 'trame.sqlite-wal', 'trame.sqlite-frames', 'trame.sqlite-frames-wal'];
const copies: string[] = [];
process.once('exit', () => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

export function hotCopy(relay: TestRelay): string {
  const dir = mkdtempSync(join(tmpdir(), 'trame-seized-'));
  copies.push(dir);
  for (const f of readdirSync(relay.dataDir)) {
    if (SEIZED.includes(f)) copyFileSync(join(relay.dataDir, f), join(dir, f));
  }
  return dir;
}

/** Whether any file of the copy holds `secret` anywhere in its bytes (pages, free space, WAL). */
export function copyContains(dir: string, secret: Uint8Array): boolean {
  return SEIZED.some((f) => existsSync(join(dir, f)) && readFileSync(join(dir, f)).indexOf(Buffer.from(secret)) >= 0);
}

function rows<T>(dir: string, sql: string): T[] {
  // Opened on a throw-away copy: SQLite may replay the WAL into it.
  const work = mkdtempSync(join(tmpdir(), 'trame-seized-read-'));
  try {
    for (const f of readdirSync(dir)) copyFileSync(join(dir, f), join(work, f));
    const db = new Database(join(work, 'trame.sqlite'));
    try {
      // Frames of 32 KiB and more are in the frames file (ADR 0009): read them where they are.
      viewFramesInline(db, join(work, 'trame.sqlite'));
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The space's wrap secrets stored in the copy (the attacker tries every one). */
export function storedWraps(dir: string): Uint8Array[] {
  return rows<{ wrap: Uint8Array }>(dir, 'SELECT wrap FROM invite_wraps').map((r) => r.wrap);
}

/**
 * Every space key the link opens with what the copy holds: bundles sealed to the link's
 * identity (in its INVITE, or a ROTATE while it was pending), opened as they are or after
 * removing the outer layer with any wrap secret found in the copy (R76).
 */
export function keysFromLink(dir: string, token: string): Map<number, Uint8Array> {
  const link = identityFromSeed(decodeInviteToken(token).seed);
  const wraps = storedWraps(dir);
  const keys = new Map<number, Uint8Array>();
  for (const { frame } of rows<{ frame: Uint8Array }>(dir, 'SELECT frame FROM membership_entries ORDER BY seq')) {
    const entry = decodeFrame(frame) as MembershipFrame;
    for (const s of entry.sealedKeys) {
      if (Buffer.compare(Buffer.from(s.recipient), Buffer.from(link.publicKey)) !== 0) continue;
      // Every bundle sealed to the link: the INVITE's, and a ROTATE's while it was pending.
      const candidates = [s.sealed];
      for (const w of wraps) {
        try {
          candidates.push(unwrapInviteSealed(w, s.sealed, { spaceId: entry.spaceId, invite: link.publicKey }));
        } catch {
          /* not this one */
        }
      }
      for (const c of candidates) {
        try {
          for (const [epoch, key] of openKeyBundle(link, c).bundle) keys.set(epoch, key);
        } catch {
          /* does not open */
        }
      }
    }
  }
  return keys;
}

/** Every UPDATE and SNAPSHOT plaintext of the copy that opens with one of `keys`, as text. */
export function readableContent(dir: string, keys: Map<number, Uint8Array>): string[] {
  const frames = [
    ...rows<{ frame: Uint8Array }>(dir, 'SELECT frame FROM updates'),
    ...rows<{ frame: Uint8Array }>(dir, 'SELECT frame FROM snapshots'),
  ].map((r) => decodeFrame(r.frame) as Frame);
  const out: string[] = [];
  for (const f of frames) {
    if (f.kind !== FrameKind.Update && f.kind !== FrameKind.Snapshot) continue;
    const key = keys.get(f.epoch);
    if (!key) continue;
    try {
      out.push(
        Buffer.from(aeadDecrypt(deriveDocKey(key, f.docId), f.nonce, f.ciphertext, f.header)).toString('latin1'),
      );
    } catch {
      /* not this key */
    }
  }
  return out;
}

/** Reads the wrap secret of a pending invite from a copy (the test's own observation). */
export function wrapOfPendingInvite(relay: TestRelay, token: string): Uint8Array {
  const link = identityFromSeed(decodeInviteToken(token).seed);
  const dir = hotCopy(relay);
  const found = rows<{ identity: Uint8Array; wrap: Uint8Array }>(dir, 'SELECT identity, wrap FROM invite_wraps').find(
    (r) => Buffer.compare(Buffer.from(r.identity), Buffer.from(link.publicKey)) === 0,
  );
  if (!found) throw new Error('the pending invite has no stored wrap secret');
  return found.wrap;
}
