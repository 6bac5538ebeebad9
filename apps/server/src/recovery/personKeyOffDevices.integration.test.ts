import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sync from '@trame/sync';
import {
  decodeEntryList,
  identityFromSecretKey,
  MemoryCache,
  newDocId,
  Role,
  SpaceSession,
  SpaceState,
  toHex,
} from '@trame/sync';
import { deriveDocKey, openContentFrame } from '@trame/crypto';
import type { SnapshotFrame, UpdateFrame } from '@trame/protocol';
import { MemoryProfileStore, TrameClient, type LocalProfile } from '@trame/workspace';
import { generateRecoveryPhrase, restoreFromPhrase, savePersonBackup } from '@trame/workspace/device';
import { createSpace, e2eScope, openDoc, person, text, waitFor, WS } from '../e2e/harness.js';
import { backupRoute } from './backupRoute.js';
import { FileBackupStore } from './FileBackupStore.js';
import { storedFrames } from '../e2e/storedFrames.js';

/**
 * ADR 0008 point 5 against a real relay and a real backup route: once the phrase is saved, the
 * first device holds neither the person key nor the phrase, so when it is seized the person,
 * restored from the phrase on a new browser, cuts it off like any other device (DEVICES-2).
 */
const scope = e2eScope();
const closers = scope.closers;
const backups = mkdtempSync(join(tmpdir(), 'trame-backups-'));
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer(backupRoute(new FileBackupStore(backups)) as Parameters<typeof createServer>[0]);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  origin = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(backups, { recursive: true, force: true });
});

interface Device {
  cache: MemoryCache;
  store: MemoryProfileStore;
}

async function client(url: string, d: Device, profile: LocalProfile): Promise<TrameClient> {
  await d.store.save(profile);
  const c = new TrameClient({
    sync: {
      ...sync,
      SpaceSession: {
        create: (o) => SpaceSession.create({ ...o, WebSocketImpl: WS }),
        open: (o) => SpaceSession.open({ ...o, WebSocketImpl: WS }),
        acceptInvite: (o) => SpaceSession.acceptInvite({ ...o, WebSocketImpl: WS }),
        previewInvite: (o) => SpaceSession.previewInvite({ ...o, WebSocketImpl: WS }),
      },
      openDocument: (o) => sync.openDocument({ ...o, WebSocketImpl: WS }),
    },
    identity: identityFromSecretKey(profile.secretKey),
    relayUrl: url,
    profile,
    store: d.store,
    cache: d.cache,
  });
  closers.push(() => void c.close());
  return c;
}

/** Every byte a device keeps: its profile store and its cache. */
async function everythingKept(d: Device): Promise<Buffer> {
  const profile = await d.store.load();
  return Buffer.concat([
    Buffer.from(JSON.stringify({ ...profile, secretKey: toHex(profile!.secretKey) })),
    Buffer.from(profile!.secretKey),
    ...[...d.cache.entries.values()].map((v) => Buffer.from(v)),
  ]);
}

describe('ADR 0008 point 5: the person key lives in the phrase, not on a device', () => {
  it('DEVICES-2: once the phrase is saved the first device keeps neither the person key nor the phrase; seized, it is removed by the person restored from the phrase and reads nothing written afterwards', async () => {
    const relay = await scope.start();
    const bob = person('Bob');
    const alice = person('Alice');
    const aliceId = toHex(alice.identity.publicKey);
    const spaceB = await createSpace(relay.url, bob);
    closers.push(() => spaceB.close());
    const spaceId = toHex(spaceB.spaceId);

    // Alice's first (and only) device holds the person key and joins Bob's atelier.
    const laptop: Device = { cache: new MemoryCache(), store: new MemoryProfileStore() };
    const first = await client(relay.url, laptop, {
      version: 1,
      secretKey: alice.identity.secretKey,
      displayName: 'Alice',
      colour: '#aa3366',
      locale: 'fr',
      spaces: [],
      createdAt: 1,
    });
    await first.acceptInvite(await spaceB.createInvite({ role: Role.Editor }));

    // She writes her phrase down: the person backup goes to the relay, the device takes a key
    // of its own in every space and forgets the person key.
    const phrase = await generateRecoveryPhrase('fr');
    await savePersonBackup(origin, first.profile, phrase, Date.now());
    const demoted = await first.devices.becomeOwnDevice('Portable');
    await first.close();
    expect(demoted.personId).toBe(aliceId);
    const deviceKey = identityFromSecretKey(demoted.secretKey);
    const deviceId = toHex(deviceKey.publicKey);
    expect(deviceId).not.toBe(aliceId);
    const laptopAgain = await client(relay.url, laptop, demoted);
    const kept = await everythingKept(laptop);
    expect(kept.includes(Buffer.from(alice.identity.secretKey.subarray(0, 32)))).toBe(false);
    expect(kept.includes(Buffer.from(toHex(alice.identity.secretKey.subarray(0, 32))))).toBe(false);
    expect(kept.includes(Buffer.from(phrase))).toBe(false);
    // …and goes on as Alice: one person for Bob, her role unchanged.
    const onLaptop = await laptopAgain.openSpace(spaceId);
    expect(onLaptop.session.myRole).toBe(Role.Editor);
    await waitFor(() => spaceB.personOf(deviceId) === aliceId, 'Bob maps the laptop to Alice');
    expect(spaceB.members().map((m) => m.id)).not.toContain(deviceId);
    const docBefore = newDocId();
    const before = openDoc(spaceB, bob, docBefore);
    await before.whenSynced();
    before.doc.getText('t').insert(0, 'Avant la saisie. ');
    await before.whenSaved();
    // Closed: nobody moves it to the keys renewed below, so the scan has something to open.
    before.destroy();
    await laptopAgain.close();

    // The laptop is seized. On a new browser, the phrase brings Alice back as the person key…
    const restoredDevice: Device = { cache: new MemoryCache(), store: new MemoryProfileStore() };
    const { profile: restored } = await restoreFromPhrase(origin, phrase);
    expect(toHex(identityFromSecretKey(restored.secretKey).publicKey)).toBe(aliceId);
    expect(restored.spaces.map((s) => s.id)).toEqual([spaceId]);
    const asPerson = await client(relay.url, restoredDevice, restored);
    const newDevice = await asPerson.devices.becomeOwnDevice('Nouveau navigateur');
    await asPerson.close();
    const browser = await client(relay.url, restoredDevice, newDevice);
    await browser.openSpace(spaceId);
    // …and she removes the seized laptop from there.
    const epochBefore = spaceB.epoch;
    const removal = await browser.devices.remove(deviceId);
    expect(removal.every((r) => r.ok)).toBe(true);
    await expect(
      SpaceSession.open({ relayUrl: relay.url, identity: deviceKey, spaceId: spaceB.spaceId, WebSocketImpl: WS }),
    ).rejects.toMatchObject({ code: 'NOT_A_MEMBER' });

    // Written after the removal, it opens with nothing the laptop kept.
    await waitFor(() => spaceB.epoch > epochBefore, 'Bob holds the renewed keys');
    const docAfter = newDocId();
    const after = openDoc(spaceB, bob, docAfter);
    closers.push(() => after.destroy());
    await after.whenSynced();
    after.doc.getText('t').insert(0, 'Après : rendez-vous au local.');
    await after.whenSaved();
    expect(text(after)).toContain('rendez-vous');
    await relay.stop();
    const state = new SpaceState(spaceB.spaceId, deviceKey);
    const cachedLog = laptop.cache.entries.get(`space:${spaceId}`);
    expect(cachedLog).toBeDefined();
    for (const raw of decodeEntryList(cachedLog!)) state.apply(raw);
    const keys = state.keyBundle();
    expect(keys.size).toBeGreaterThan(0);
    // The scan can open what was written before…
    const readable = storedFrames(relay.dataDir, docBefore);
    expect(readable.some((f) => [...keys.values()].some((k) => tryOpen(f, k, docBefore)))).toBe(true);
    // …and nothing written after.
    const stored = storedFrames(relay.dataDir, docAfter);
    expect(stored.length).toBeGreaterThan(0);
    for (const f of stored) for (const k of keys.values()) expect(tryOpen(f, k, docAfter)).toBe(false);
    await relay.restart();
  });
});

function tryOpen(f: UpdateFrame | SnapshotFrame, key: Uint8Array, docId: Uint8Array): boolean {
  try {
    openContentFrame(f, deriveDocKey(key, docId));
    return true;
  } catch {
    return false;
  }
}
