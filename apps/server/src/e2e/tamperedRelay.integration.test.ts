import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeUpdateHeader, FrameKind, type AckFrame } from '@trame/protocol';
import { sealContentFrame } from '@trame/crypto';
import { Role, newDocId, type DocumentSession } from '@trame/sync';
import { collectErrors, createSpace, openDoc, openSpace, person, rogue, text, waitFor, e2eScope } from './harness.js';

const scope = e2eScope();
const closers = scope.closers;
const tmp: string[] = [];
afterEach(() => {
  for (const d of tmp.splice(0)) rmSync(d, { recursive: true, force: true });
});

function copyDir(from: string, to: string): void {
  for (const f of readdirSync(from)) if (f.startsWith('trame.sqlite')) copyFileSync(join(from, f), join(to, f));
}

async function typeWords(s: DocumentSession, n: number, prefix: string): Promise<void> {
  const t = s.doc.getText('t');
  for (let i = 0; i < n; i++) {
    t.insert(t.length, `${prefix}${i} `);
    await s.whenSaved();
  }
}

describe('a relay that lies is detected (issue test 6, R40-R43)', () => {
  it('R42: serving an older snapshot than the client has seen is ROLLBACK_DETECTED', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    const docId = newDocId();
    const compaction = { afterUpdates: 5, afterBytes: 1 << 20 };
    const a = openDoc(space, alice, docId, { compaction });
    closers.push(() => a.destroy());
    await a.whenSynced();
    await typeWords(a, 12, 'v1-');
    await waitFor(() => a.engine.snapshotIdHex !== '', 'a first snapshot');
    // The compromised server keeps a copy of its database…
    await relay.stop();
    const backup = mkdtempSync(join(tmpdir(), 'trame-backup-'));
    tmp.push(backup);
    copyDir(relay.dataDir, backup);
    await relay.restart();
    const before = a.engine.snapshotIdHex;
    await typeWords(a, 12, 'v2-');
    await waitFor(() => a.engine.snapshotIdHex !== before, 'a newer snapshot');
    const seen = text(a);
    // …and later serves it in place of the newer state.
    await relay.stop();
    for (const f of readdirSync(relay.dataDir)) if (f.startsWith('trame.sqlite')) rmSync(join(relay.dataDir, f));
    copyDir(backup, relay.dataDir);
    const errors = collectErrors(a);
    await relay.restart();
    await waitFor(() => errors.some((e) => e.code === 'ROLLBACK_DETECTED'), 'rollback detection');
    expect(a.status).toBe('error');
    expect(text(a)).toBe(seen); // the client kept what it had
    // A new session of the same person (heads remembered) refuses the old state too.
    const again = openDoc(space, alice, docId);
    const errors2 = collectErrors(again);
    closers.push(() => again.destroy());
    await waitFor(() => errors2.some((e) => e.code === 'ROLLBACK_DETECTED'), 'rollback detection on reopen');
    expect(text(again)).toBe('');
  });

  it('R41: an update dropped from the middle of the tail is MISSING_UPDATES', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    await space.addMember(bob.identity.publicKey, Role.Editor);
    const docId = newDocId();
    const a = openDoc(space, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    await typeWords(a, 6, 'w');
    await relay.stop();
    const db = new Database(join(relay.dataDir, 'trame.sqlite'));
    const rows = db.prepare('SELECT id FROM updates ORDER BY id').all() as Array<{ id: number }>;
    expect(rows.length).toBe(6);
    db.prepare('DELETE FROM updates WHERE id = ?').run(rows[2]!.id);
    db.close();
    await relay.restart();
    const spaceB = await openSpace(relay.url, bob, space.spaceId);
    closers.push(() => spaceB.close());
    const b = openDoc(spaceB, bob, docId);
    const errors = collectErrors(b);
    closers.push(() => b.destroy());
    await waitFor(() => errors.some((e) => e.code === 'MISSING_UPDATES'), 'gap detection');
    expect(errors.find((e) => e.code === 'MISSING_UPDATES')!.details.range).toEqual({ from: 3, to: 3 });
    expect(text(b)).toBe(''); // nothing applied from a history with a hole
  });

  it('R40: an update with a forged signature is refused by the other clients', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const mallory = person('Mallory');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    await space.addMember(mallory.identity.publicKey, Role.Editor);
    const docId = newDocId();
    const a = openDoc(space, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    await typeWords(a, 2, 'ok');
    const errors = collectErrors(a);
    const m = rogue(relay.url, mallory.identity, space.spaceId, docId);
    closers.push(() => m.conn.close());
    const ready = await m.ready;
    const header = encodeUpdateHeader({
      spaceId: space.spaceId,
      docId,
      epoch: 0,
      snapshotId: ready.snapshotId,
      author: mallory.identity.publicKey,
      clock: 1,
    });
    // A real Yjs update, encrypted with the right key, but its signature is broken.
    const { Doc, encodeStateAsUpdate } = await import('yjs');
    const evil = new Doc();
    evil.getText('t').insert(0, 'FORGED ');
    const frame = sealContentFrame(header, space.state.docKey(0, docId), encodeStateAsUpdate(evil), mallory.identity);
    frame[frame.length - 1] = frame[frame.length - 1]! ^ 0xff;
    m.conn.send(frame);
    // The relay does not verify content signatures (R12) and stores it; clients do (R40).
    await waitFor(() => m.frames.some((f) => f.kind === FrameKind.Ack), 'relay ack');
    expect((m.frames.find((f) => f.kind === FrameKind.Ack) as AckFrame).number).toBe(1);
    await waitFor(() => errors.some((e) => e.code === 'SIGNATURE_INVALID'), 'signature check');
    expect(text(a)).not.toContain('FORGED');
    // A late reader refuses it as well, and still reads Alice's text.
    const late = openDoc(space, alice, docId, { headStore: person('x').heads });
    const lateErrors = collectErrors(late);
    closers.push(() => late.destroy());
    await waitFor(() => lateErrors.length > 0, 'late reader error');
    expect(lateErrors[0]!.code).toBe('SIGNATURE_INVALID');
    await late.whenSynced();
    expect(text(late)).toBe(text(a));
    expect(text(late)).toContain('ok1');
    // Alice keeps writing after it: Mallory's skipped clock is no gap.
    await typeWords(a, 1, 'after');
    await waitFor(() => text(late).includes('after0'), 'later edits still flow');
  });
});
