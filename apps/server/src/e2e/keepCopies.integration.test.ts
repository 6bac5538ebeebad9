import { describe, expect, it } from 'vitest';
import * as sync from '@trame/sync';
import { MemoryCache, Role, SpaceSession, toHex } from '@trame/sync';
import { MemoryProfileStore, TrameClient, type LocalProfile } from '@trame/workspace';
import { createSpace, person, waitFor, WS, e2eScope, type Person } from './harness.js';
import { withStorage } from './hostileStorage.js';

const scope = e2eScope();
const closers = scope.closers;

/** A device: the web app's client over a device cache and a profile store that outlive it. */
interface Device {
  cache: MemoryCache;
  store: MemoryProfileStore;
  forgotten: string[];
}

function device(): Device {
  return { cache: new MemoryCache(), store: new MemoryProfileStore(), forgotten: [] };
}

async function client(url: string, who: Person, d: Device): Promise<TrameClient> {
  const profile: LocalProfile = (await d.store.load()) ?? {
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
    store: d.store,
    cache: d.cache,
    forgetSpace: async (id) => void d.forgotten.push(id),
  });
  closers.push(() => void c.close());
  return c;
}

describe("MEMBERSHIP-6: a relay's word never wipes a device", () => {
  it('MEMBERSHIP-6: NOT_A_MEMBER from the relay keeps the space and its copies; only a verified REMOVE or the person forgets it', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    const token = await owner.createInvite({ role: Role.Editor });
    const bobDevice = device();
    const first = await client(relay.url, bob, bobDevice);
    const { id } = await first.acceptInvite(token);
    expect(first.isJoined(id)).toBe(true);
    await first.close();
    const cachedLog = await bobDevice.cache.get(`space:${id}`);
    expect(cachedLog).toBeTruthy();

    // The relay drops Bob's row and answers NOT_A_MEMBER: the log Bob verified says otherwise.
    await withStorage(relay, (db) =>
      db.prepare('DELETE FROM members WHERE identity = ?').run(Buffer.from(bob.identity.publicKey)),
    );
    const again = await client(relay.url, bob, bobDevice);
    const refusals: string[] = [];
    again.onRelayRefused((spaceId, e) => refusals.push(`${spaceId}:${(e as { code: string }).code}`));
    const space = await again.openSpace(id); // from the device's copy
    await waitFor(() => refusals.length > 0, 'the relay refusal reaches the screen');
    expect(refusals[0]).toMatch(/NOT_A_MEMBER|CONNECTION_CLOSED/);
    expect(space.session.myRole).toBe(Role.Editor);
    expect(again.isJoined(id)).toBe(true);
    expect((await bobDevice.store.load())!.spaces.map((s) => s.id)).toContain(id);
    expect(bobDevice.forgotten).toEqual([]);
    expect(await bobDevice.cache.get(`space:${id}`)).toEqual(cachedLog);

    // The person chooses "Oublier cet espace".
    await again.forgetSpaceOnThisDevice(id);
    expect(again.isJoined(id)).toBe(false);
    expect(bobDevice.forgotten).toEqual([id]);
  });

  it('MEMBERSHIP-6: a verified REMOVE in the log forgets the space on the device', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    const token = await owner.createInvite({ role: Role.Editor });
    const bobDevice = device();
    const c = await client(relay.url, bob, bobDevice);
    const { id } = await c.acceptInvite(token);
    const removed: string[] = [];
    c.onRemoved((spaceId) => removed.push(spaceId));
    await owner.removeMember(bob.identity.publicKey);
    await waitFor(() => removed.includes(id), 'the verified REMOVE reaches Bob');
    expect(c.isJoined(id)).toBe(false);
    expect(bobDevice.forgotten).toEqual([id]);
    expect(toHex(bob.identity.publicKey)).not.toBe(toHex(alice.identity.publicKey));
  });
});
