import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import {
  generateIdentity,
  identityFromSeed,
  newDocId,
  openDocument,
  ready,
  Role,
  SpaceSession,
  type DocumentSession,
  type WebSocketConstructor,
} from '@trame/sync';
import { randomBytes } from '@trame/crypto';
import { ServerProcess } from '../servers/ServerProcess.js';

/**
 * MEMBERSHIP-4 figures (not a timed test): a space of 30 members and 50 documents on a real
 * relay process; an animateur removes a member (one ROTATE sealed to 29 members), then
 * - the next writer opening each document moves it to the new key (a snapshot, R73): open →
 *   moved and acknowledged;
 * - a reader opening it afterwards: open → synced;
 * - the animateur's "every document has moved" pass (the members page) over all 50 in turn.
 * `node packages/bench/dist/cli/rotationTimes.js [--members 30] [--docs 50]`
 */
const WS = WebSocket as unknown as WebSocketConstructor;

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

async function until(fn: () => boolean, what: string, ms = 30_000): Promise<void> {
  const t = Date.now();
  while (!fn()) {
    if (Date.now() - t > ms) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

function open(space: SpaceSession, docId: Uint8Array): DocumentSession {
  return openDocument({ space, docId, user: { name: 'bench', color: '#336699' }, WebSocketImpl: WS });
}

async function main(): Promise<void> {
  const members = arg('members', 30);
  const docs = arg('docs', 50);
  await ready();
  const dir = mkdtempSync(join(tmpdir(), 'trame-rotation-'));
  const server = await ServerProcess.start('trame', join(dir, 'data'), {});
  try {
    const owner = await SpaceSession.create({ relayUrl: server.url, identity: generateIdentity(), WebSocketImpl: WS });
    const seeds = Array.from({ length: members - 1 }, () => randomBytes(32));
    for (const s of seeds) await owner.addMember(identityFromSeed(s).publicKey, Role.Editor);
    const docIds = Array.from({ length: docs }, () => newDocId());
    const paragraph = 'Compte rendu de la réunion du collectif, points et décisions. '.repeat(16); // ~1 KB
    for (const id of docIds) {
      const d = open(owner, id);
      await d.whenSynced();
      d.doc.getText('t').insert(0, paragraph);
      await d.whenSaved();
      d.destroy();
    }

    const removed = identityFromSeed(seeds.at(-1)!).publicKey;
    let t = performance.now();
    await owner.removeMember(removed);
    const removeMs = performance.now() - t;
    const entryBytes = owner.state.entries.at(-1)!.length;

    // The next writer of each document (a member who was not online): opens it, which moves it.
    const writer = await SpaceSession.open({
      relayUrl: server.url,
      identity: identityFromSeed(seeds[0]!),
      spaceId: owner.spaceId,
      WebSocketImpl: WS,
    });
    const moveMs: number[] = [];
    for (const id of docIds.slice(0, Math.ceil(docs / 2))) {
      t = performance.now();
      const d = open(writer, id);
      await d.whenSynced();
      await until(() => d.keyEpoch === writer.epoch && d.status === 'saved' && !d.hasUnsavedChanges, 'moved');
      moveMs.push(performance.now() - t);
      d.destroy();
    }
    // The animateur's pass over the rest (the members page's status), in turn.
    t = performance.now();
    for (const id of docIds.slice(Math.ceil(docs / 2))) {
      const d = open(owner, id);
      await d.whenSynced();
      await until(() => d.keyEpoch === owner.epoch && d.status === 'saved' && !d.hasUnsavedChanges, 'moved');
      d.destroy();
    }
    const passMs = performance.now() - t;
    // A reader after the move.
    const reader = await SpaceSession.open({
      relayUrl: server.url,
      identity: identityFromSeed(seeds[1]!),
      spaceId: owner.spaceId,
      WebSocketImpl: WS,
    });
    const readMs: number[] = [];
    for (const id of docIds) {
      t = performance.now();
      const d = open(reader, id);
      await d.whenSynced();
      await until(() => d.doc.getText('t').length > 0, 'read');
      readMs.push(performance.now() - t);
      d.destroy();
    }
    const out = {
      members,
      docs,
      removeMs: Math.round(removeMs),
      rotateEntryBytes: entryBytes,
      nextWriterOpenAndMoveMs: {
        median: Math.round(quantile(moveMs, 0.5)),
        p95: Math.round(quantile(moveMs, 0.95)),
        n: moveMs.length,
      },
      animateurPassMs: {
        total: Math.round(passMs),
        perDoc: Math.round(passMs / (docs - moveMs.length)),
        n: docs - moveMs.length,
      },
      readerAfterMoveMs: {
        median: Math.round(quantile(readMs, 0.5)),
        p95: Math.round(quantile(readMs, 0.95)),
        n: readMs.length,
      },
    };
    console.log(JSON.stringify(out, null, 1));
    owner.close();
    writer.close();
    reader.close();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
