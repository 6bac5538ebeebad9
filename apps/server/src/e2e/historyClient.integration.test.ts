import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as sync from '@trame/sync';
import { MemoryCache, Role, SpaceSession } from '@trame/sync';
import {
  defaultCollectivePlan,
  MemoryProfileStore,
  readInviteFragment,
  TrameClient,
  type LocalProfile,
  type VersionInfo,
} from '@trame/workspace';
import { e2eScope, person, waitFor, WS, type Person } from './harness.js';

const scope = e2eScope();
const closers = scope.closers;

/** The web app's client (what the history panel calls), with short sessions of work. */
function client(url: string, who: Person): TrameClient {
  const profile: LocalProfile = {
    version: 1,
    secretKey: who.identity.secretKey,
    displayName: who.name,
    colour: '#3366ff',
    locale: 'fr',
    spaces: [],
    createdAt: 1,
  };
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
    identity: who.identity,
    relayUrl: url,
    profile,
    store: new MemoryProfileStore(),
    cache: new MemoryCache(),
    versionPolicy: { idleMs: 150, maxSessionMs: 60_000 },
  });
  closers.push(() => void c.close());
  return c;
}

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() - start > 15_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('HISTORY-1: client.history, as the history panel uses it', () => {
  it('HISTORY-1: an opened item records versions by itself; the panel lists, previews, names and restores one, which the other person receives live', async () => {
    const relay = await scope.start();
    const alice = client(relay.url, person('Alice'));
    const bob = client(relay.url, person('Bob'));
    const assemblyId = await alice.createCollective(
      { ...defaultCollectivePlan('fr', 'Collectif'), ateliers: [] },
      'fr',
    );
    const itemId = await alice.createItem(assemblyId, { type: 'document', title: 'Motion', locale: 'fr' });
    const link = await alice.createInvite(assemblyId, { role: Role.Editor, expiry: '7d', origin: 'http://trame.test' });
    await bob.acceptInvite(readInviteFragment(new URL(link).hash)!);

    const a = await alice.openItem(assemblyId, itemId);
    const b = await bob.openItem(assemblyId, itemId);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    a.doc.getText('history-test').insert(0, 'Motion votée en AG.');
    const first = await eventually(
      () => alice.history.list(assemblyId, itemId),
      (l) => l.length === 1,
      'the first version',
    );
    const v1 = first[0] as VersionInfo;
    expect(v1.createdBy).toBe(alice.myId);
    expect(v1.authors).toEqual([alice.myId]);
    await alice.history.name(assemblyId, itemId, v1.id, 'Version votée en AG du 3 décembre');

    await waitFor(() => b.doc.getText('history-test').toString() === 'Motion votée en AG.', 'Bob has the text');
    b.doc.getText('history-test').insert(0, 'Contre-proposition : ');
    await eventually(
      () => bob.history.list(assemblyId, itemId),
      (l) => l.length === 2,
      "Bob's version",
    );

    // Preview: a read-only copy of the named version.
    const state = await bob.history.load(assemblyId, itemId, v1.id);
    const preview = new Y.Doc();
    Y.applyUpdate(preview, state);
    expect(preview.getText('history-test').toString()).toBe('Motion votée en AG.');

    // Alice restores it while Bob has the item open: a new edit he receives live.
    const restored = await alice.history.restore(assemblyId, itemId, v1.id);
    await waitFor(() => b.doc.getText('history-test').toString() === 'Motion votée en AG.', 'the restore reaches Bob');
    const listed = await bob.history.list(assemblyId, itemId);
    expect(listed[0]!.id).toBe(restored);
    expect(listed[0]!.restoredFrom).toBe(v1.id);
    expect(listed.find((v) => v.id === v1.id)!.named).toBe('Version votée en AG du 3 décembre');
    expect((await alice.history.retention(assemblyId)).isDefault).toBe(true);
    alice.closeItem(a);
    bob.closeItem(b);
  });
});
