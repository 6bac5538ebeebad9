import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isReadableProtocolVersion, PROTOCOL_VERSION } from '@trame/protocol';
import { SQLITE_MIGRATIONS, startRelay } from '@trame/relay';
import { newDocId, ready, SpaceSession, openDocument, Role } from '@trame/sync';
import { WS, waitFor } from '../e2e/harness.js';
import { RelayProcess } from '../scaleout/RelayProcess.js';
import {
  fixtureIdentities,
  RELEASE_FIXTURES,
  storedFramesDigest,
  type ReleaseFixtureFacts,
} from './testing/releaseFixture.js';

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});
const NEWEST_SCHEMA = Math.max(...SQLITE_MIGRATIONS.map((m) => m.version));
const release = RELEASE_FIXTURES['0.1.0'];
const releaseDir = fileURLToPath(release.dir);

/** Writes the fixture with the code of the release being made (run once per release). */
async function writeFixture(): Promise<void> {
  await ready();
  rmSync(releaseDir, { recursive: true, force: true });
  mkdirSync(join(releaseDir, 'data'), { recursive: true });
  const relay = await startRelay({ dataDir: join(releaseDir, 'data'), port: 0 });
  const { alice, bob } = fixtureIdentities();
  const space = await SpaceSession.create({ relayUrl: relay.url, identity: alice, WebSocketImpl: WS });
  await space.addMember(bob.publicKey, Role.Editor);
  const docId = newDocId();
  const doc = openDocument({ space, docId, user: { name: 'Alice', color: '#3366ff' }, WebSocketImpl: WS });
  await doc.whenSynced();
  const text = 'Ordre du jour : rencontre des ateliers, samedi 10h.';
  for (const word of text.split(/(?<= )/)) {
    const t = doc.doc.getText('t');
    t.insert(t.length, word);
    await doc.whenSaved();
  }
  doc.destroy();
  space.close();
  await relay.close();
  const facts: ReleaseFixtureFacts = {
    release: '0.1.0',
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: NEWEST_SCHEMA,
    spaceIdHex: Buffer.from(space.spaceId).toString('hex'),
    docIdHex: Buffer.from(docId).toString('hex'),
    text,
  };
  writeFileSync(join(releaseDir, 'fixture.json'), JSON.stringify(facts, null, 2) + '\n');
}

describe('upgrades (SELFHOST-4)', () => {
  it.runIf(process.env.TRAME_WRITE_RELEASE_FIXTURE === '1')('writes the release fixture', writeFixture, 60_000);

  it('SELFHOST-4: a data directory made by release 0.1.0 is migrated at start, keeps every stored frame, and its document reads back', async () => {
    const facts = JSON.parse(readFileSync(join(releaseDir, 'fixture.json'), 'utf8')) as ReleaseFixtureFacts;
    const dataDir = join(mkdtempSync(join(tmpdir(), 'trame-upgrade-')), 'data');
    cpSync(join(releaseDir, 'data'), dataDir, { recursive: true });
    const file = join(dataDir, 'trame.sqlite');
    const before = storedFramesDigest(file);
    expect(before.updates!.rows).toBeGreaterThan(0);

    const server = await new RelayProcess({ dataDir }).start();
    closers.push(() => server.kill());
    expect((await server.health()).body.ok).toBe(true);
    await server.stop();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(NEWEST_SCHEMA);
    db.close();
    expect(storedFramesDigest(file)).toEqual(before);

    await server.start();
    await ready();
    const { bob } = fixtureIdentities();
    const spaceId = Uint8Array.from(Buffer.from(facts.spaceIdHex, 'hex'));
    if (isReadableProtocolVersion(facts.protocolVersion)) {
      const space = await SpaceSession.open({ relayUrl: server.url, identity: bob, spaceId, WebSocketImpl: WS });
      closers.push(() => space.close());
      const doc = openDocument({
        space,
        docId: Uint8Array.from(Buffer.from(facts.docIdHex, 'hex')),
        user: { name: 'Bob', color: '#ff6633' },
        WebSocketImpl: WS,
      });
      closers.push(() => doc.destroy());
      await doc.whenSynced();
      await waitFor(() => doc.doc.getText('t').toString() === facts.text, 'the document as it was');
    } else {
      // A space made under an older protocol is refused with a typed error, never misread.
      await expect(
        SpaceSession.open({ relayUrl: server.url, identity: bob, spaceId, WebSocketImpl: WS }),
      ).rejects.toMatchObject({ name: 'TrameError', code: 'UNSUPPORTED_VERSION' }); // R38
    }
  });

  it('SELFHOST-4: a data directory written by a newer release is refused with a clear message and left untouched', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'trame-upgrade-')), 'data');
    cpSync(join(releaseDir, 'data'), dataDir, { recursive: true });
    const file = join(dataDir, 'trame.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${NEWEST_SCHEMA + 1}`);
    db.close();
    const before = readFileSync(file);
    const server = new RelayProcess({ dataDir });
    closers.push(() => server.kill());
    await expect(server.start()).rejects.toThrow(/relay exited \(78\)[\s\S]*written by a newer Trame/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(
      existsSync(join(dataDir, 'trame.sqlite-wal')) ? readFileSync(join(dataDir, 'trame.sqlite-wal')).length : 0,
    ).toBe(0);
  });
});
