import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { generateIdentity, ready, SpaceSession, toHex, type WebSocketConstructor } from '@trame/sync';
import { canary } from './support/canary';
import { person } from './support/person';
import { shoot } from './support/shoot';
import { createCollective, welcome } from './support/steps';

/**
 * Issue 13, DEVICES-2 in Réglages: Alice, from her phone-sized screen, sees her devices and
 * removes the one she lost. The lost device is played by a client in the test process with its
 * own device key (the linking screens are DEVICES-1's): once removed, its open connection is
 * closed and its next connection refused, and every space key was renewed.
 */
const WS = WebSocket as unknown as WebSocketConstructor;

test('DEVICES-2: Réglages lists this person devices and "Retirer cet appareil" cuts the lost one off in every space (phone size)', async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const base = String(info.project.use.baseURL);
  const relayUrl = `${base.replace(/^http/, 'ws')}/ws`;
  const ALICE = canary('Armelle Dutertre');
  const alice = await person(browser, base, ALICE, { phone: true });
  await ready();
  const lost = generateIdentity();
  let lostSpace: SpaceSession | null = null;
  try {
    const a = alice.page;
    await a.goto('/');
    await welcome(a, ALICE);
    await createCollective(a, canary('Collectif des Corbières'));

    // Linking (DEVICES-1's screens call the same API): the device key goes into every space.
    /* eslint-disable @typescript-eslint/no-explicit-any -- the app's client, through the test hook */
    const linked = await a.evaluate(async (hex) => {
      const client = window.__trame!.client as any;
      const key = Uint8Array.from(hex.match(/../g)!.map((h: string) => parseInt(h, 16)));
      const results = await client.devices.addDevice(key, 'Téléphone perdu');
      return { results: results.map((r: any) => r.ok), spaces: client.profile.spaces.map((s: any) => s.id) };
    }, toHex(lost.publicKey));
    expect(linked.results.length).toBeGreaterThan(1);
    expect(linked.results.every(Boolean)).toBe(true);
    const assemblyId = linked.spaces[0] as string;
    const epochs = async (): Promise<number[]> =>
      a.evaluate(async (ids) => {
        const client = window.__trame!.client as any;
        return Promise.all(ids.map(async (id: string) => (await client.openSpace(id)).session.epoch));
      }, linked.spaces);
    /* eslint-enable @typescript-eslint/no-explicit-any */
    const before = await epochs();

    // The lost device works as Alice: it opens the assembly with her role.
    lostSpace = await SpaceSession.open({
      relayUrl,
      identity: lost,
      spaceId: Uint8Array.from(Buffer.from(assemblyId, 'hex')),
      WebSocketImpl: WS,
    });
    expect(lostSpace.myRole).toBe(1);
    const removed = new Promise<void>((resolve) => lostSpace!.on('removed', () => resolve()));

    await a.goto('/settings');
    const list = a.getByTestId('device-list');
    await expect(a.getByRole('heading', { name: 'Vos appareils' })).toBeVisible();
    await expect(list.getByTestId('device')).toHaveCount(2);
    await expect(list.getByTestId('device').first()).toContainText('Cet appareil');
    const lostRow = list.locator(`[data-device="${toHex(lost.publicKey)}"]`);
    await expect(lostRow).toContainText('Téléphone perdu');
    await expect(lostRow).toContainText('Pas encore vu');
    await lostRow.scrollIntoViewIfNeeded();
    await shoot(a, 'devices', 'settings-devices-phone');

    a.once('dialog', (d) => void d.accept());
    await lostRow.getByRole('button', { name: 'Retirer cet appareil' }).click();
    await expect(a.getByRole('status').filter({ hasText: 'est retiré' })).toBeVisible({ timeout: 60_000 });
    await expect(list.getByTestId('device')).toHaveCount(1);
    await shoot(a, 'devices', 'settings-device-removed-phone');

    // The lost device saw its removal (its connection is cut), its next AUTH is refused, and
    // every space moved to a new key epoch sealed without it.
    await removed;
    await expect(
      SpaceSession.open({
        relayUrl,
        identity: lost,
        spaceId: Uint8Array.from(Buffer.from(assemblyId, 'hex')),
        WebSocketImpl: WS,
      }),
    ).rejects.toMatchObject({ code: 'NOT_A_MEMBER' });
    const after = await epochs();
    expect(after).toEqual(before.map((e) => e + 1));
  } finally {
    lostSpace?.close();
    await alice.context.close();
  }
});
