import { expect, test, type Page } from '@playwright/test';
import { fromHex, identityFromSecretKey, SpaceState, toHex } from '@trame/sync';
import { canary } from './support/canary';
import { linkByTypedCode } from './support/linkByTypedCode';
import { person } from './support/person';
import { readBrowserStorage } from './support/readBrowserStorage';
import { storedContentFrames, storedMembershipLog } from './support/relayStore';
import { shoot } from './support/shoot';
import { createCollective, createItem, editor, statusLine, welcome } from './support/steps';
import { openWith, whatTheDeviceKept } from './support/whatTheDeviceKept';

/**
 * Issue 13, DEVICES-2 with a real phone: Alice links her phone (a 390×844 touch browser) to her
 * desktop by typed code (DEVICES-1's screens), the phone reads a document, then she removes the
 * phone in Réglages on the desktop. The phone's open connections are cut and its next one
 * refused (the relay's close codes, seen between page and relay), and its screen says what to
 * do. A document written afterwards: its frames at the relay open with nothing the phone kept
 * (its IndexedDB, opened with the phone's own WebCrypto key and the app's code: cache key,
 * device secret key, cached logs and every space key they give, plus the relay's current log),
 * while the same procedure opens the document written before, and the desktop's storage opens
 * the new one.
 */
canary('Assemblée de coordination');

/** `/s/<space>/d/<doc>` → hex ids. */
function idsOf(url: string): { spaceId: string; docId: string } {
  const m = /\/s\/([0-9a-f]{32})\/d\/([0-9a-f]{32})/.exec(url);
  if (!m) throw new Error(`not a document address: ${url}`);
  return { spaceId: m[1]!, docId: m[2]! };
}

/** A new document in the open space, `text` inserted in one go, saved at the relay. */
async function writeDocument(page: Page, title: string, text: string): Promise<{ spaceId: string; docId: string }> {
  await createItem(page, { type: 'Document', title });
  await editor(page).click();
  await page.keyboard.insertText(text);
  await expect(statusLine(page)).toHaveText('Chiffré · enregistré');
  return idsOf(page.url());
}

const contains = (haystack: Buffer, text: string) =>
  haystack.includes(Buffer.from(text, 'utf8')) || haystack.includes(Buffer.from(text, 'utf16le'));

test('DEVICES-2: Alice removes her linked phone (390×844) from her desktop: its connections are refused and it says so; a document written afterwards opens with nothing the phone kept', async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const base = String(info.project.use.baseURL);
  const ALICE = canary('Armelle Dutertre');
  const BEFORE = canary('Avant le retrait : réunion jeudi au local');
  const AFTER = canary('Après le retrait : le nouveau local est rue des Tisserands');
  const desktop = await person(browser, base, ALICE);
  const phone = await person(browser, base, `${ALICE} (téléphone)`, { phone: true });
  try {
    const d = desktop.page;
    const p = phone.page;
    // How the relay closes each of the phone's connections (R33, R98: 4403 when refused).
    const closes: number[] = [];
    await p.routeWebSocket(/\/ws$/, (ws) => {
      const relay = ws.connectToServer();
      relay.onClose((code, reason) => {
        closes.push(code ?? 0);
        void ws.close({ code, reason });
      });
    });

    await d.goto('/');
    await welcome(d, ALICE);
    await createCollective(d, canary('Collectif des Corbières'));
    await d.getByRole('link', { name: /Assemblée de coordination/ }).click();
    const before = await writeDocument(d, canary('Réunion de jeudi'), BEFORE);
    const beforeUrl = d.url();

    await linkByTypedCode(d, p);
    await p.getByRole('button', { name: "Ouvrir l'accueil" }).click();
    await expect(p.getByRole('heading', { name: 'Collectif des Corbières', level: 1 })).toBeVisible();
    // The phone reads the document and keeps a copy of it (its encrypted cache).
    await p.goto(beforeUrl);
    await expect(editor(p)).toContainText(BEFORE);
    const docEntry = `doc:${before.spaceId}:${before.docId}`;
    await expect
      .poll(async () => (await whatTheDeviceKept(await readBrowserStorage(p))).entries.has(docEntry))
      .toBe(true);

    // What the phone holds when it is seized (before its removal), and the relay's frames then.
    const seized = await readBrowserStorage(p);
    const beforeFrames = storedContentFrames(before.spaceId, before.docId);
    const phoneId = toHex((await whatTheDeviceKept(seized)).identities[0]!.publicKey);
    expect(phoneId).toBe(await p.evaluate(() => window.__trame!.client.myId));

    // Alice, on her desktop: Réglages → Vos appareils → "Retirer cet appareil".
    /* eslint-disable @typescript-eslint/no-explicit-any -- the app's client, through the test hook */
    const epochs = (): Promise<Record<string, number>> =>
      d.evaluate(async () => {
        const client = window.__trame!.client as any;
        const ids: string[] = client.profile.spaces.map((s: any) => s.id);
        const all = await Promise.all(ids.map(async (id) => [id, (await client.openSpace(id)).session.epoch]));
        return Object.fromEntries(all);
      });
    /* eslint-enable @typescript-eslint/no-explicit-any */
    const epochsBefore = await epochs();
    expect(Object.keys(epochsBefore).length).toBeGreaterThan(1);
    await d.goto('/settings');
    const list = d.getByTestId('device-list');
    await expect(d.getByRole('heading', { name: 'Vos appareils' })).toBeVisible();
    await expect(list.getByTestId('device')).toHaveCount(2);
    await expect(list.getByTestId('device').first()).toContainText('Cet appareil');
    const phoneRow = list.locator(`[data-device="${phoneId}"]`);
    await expect(phoneRow).toContainText('Vu');
    await phoneRow.scrollIntoViewIfNeeded();
    await shoot(d, 'devices', 'settings-devices');
    const closedBefore = closes.filter((c) => c === 4403).length;
    d.once('dialog', (dialog) => void dialog.accept());
    await phoneRow.getByRole('button', { name: 'Retirer cet appareil' }).click();
    await expect(d.getByRole('status').filter({ hasText: 'est retiré' })).toBeVisible({ timeout: 60_000 });
    await expect(list.getByTestId('device')).toHaveCount(1);
    await shoot(d, 'devices', 'settings-device-removed');
    // Every space moved to a new key epoch.
    const epochsAfter = await epochs();
    for (const [id, e] of Object.entries(epochsBefore)) expect(epochsAfter[id], id).toBe(e + 1);

    // The phone, open on the document: its connections were cut (4403) and its screen says why.
    await expect.poll(() => closes.filter((c) => c === 4403).length).toBeGreaterThan(closedBefore);
    await expect(p.getByRole('heading', { name: 'Cet appareil a été retiré de votre compte' })).toBeVisible();
    await expect(p.getByRole('alert')).toContainText('Oublier cet appareil');
    await expect(p.getByRole('link', { name: 'Ouvrir les Réglages' })).toBeVisible();
    await shoot(p, 'devices', 'phone-removed');
    // Its next connection (the person opens the app again) is refused, and it says so.
    const closedAtRemoval = closes.filter((c) => c === 4403).length;
    await p.goto(beforeUrl);
    await expect.poll(() => closes.filter((c) => c === 4403).length).toBeGreaterThan(closedAtRemoval);
    await expect(p.getByRole('heading', { name: "Cet appareil n'a plus accès à cet espace" })).toBeVisible();
    await expect(p.getByRole('alert')).toContainText('liez-le de nouveau à votre compte');
    await shoot(p, 'devices', 'phone-refused');
    await p.goto('/');
    await shoot(p, 'devices', 'phone-home-after');

    // Written on the desktop after the removal.
    await d.goto(beforeUrl);
    await d.locator('header').getByRole('link', { name: 'Assemblée de coordination' }).click();
    const after = await writeDocument(d, canary('Nouveau local'), AFTER);
    expect(after.spaceId).toBe(before.spaceId);
    const afterFrames = storedContentFrames(after.spaceId, after.docId);
    expect(afterFrames.length).toBeGreaterThan(0);

    // Everything the phone kept, before and after its removal, opened with the app's own code.
    const kept = await whatTheDeviceKept(seized, await readBrowserStorage(p));
    expect(kept.deviceKeys.length).toBeGreaterThan(0);
    expect(kept.identities.map((i) => toHex(i.publicKey))).toEqual([phoneId]);
    expect(kept.entries.has('profile')).toBe(true);
    const keys = [...kept.spaceKeys.values()];
    expect(kept.spaceKeys.has(`${before.spaceId}/${epochsBefore[before.spaceId]}`)).toBe(true);
    // Its secret key given the relay's whole current log (the removal, the new keys) gets no more.
    const now = new SpaceState(fromHex(before.spaceId), identityFromSecretKey(kept.identities[0]!.secretKey));
    for (const e of storedMembershipLog(before.spaceId)) now.apply(e);
    expect(now.hasKey(epochsAfter[before.spaceId]!)).toBe(false);
    keys.push(...now.keyBundle().values());

    // The procedure works: it opens the document written before, as the relay held it then…
    const openedBefore = openWith(beforeFrames, keys, fromHex(before.docId));
    expect(openedBefore.length).toBe(beforeFrames.length);
    expect(contains(Buffer.concat(openedBefore), BEFORE)).toBe(true);
    expect(contains(kept.everything, BEFORE)).toBe(true);
    // …and the desktop's storage, opened the same way, opens every frame written after.
    const desktopKept = await whatTheDeviceKept(await readBrowserStorage(d));
    const openedByDesktop = openWith(afterFrames, desktopKept.spaceKeys.values(), fromHex(after.docId));
    expect(openedByDesktop.length).toBe(afterFrames.length);
    expect(contains(Buffer.concat(openedByDesktop), AFTER)).toBe(true);

    // With everything the phone kept: not one frame of it opens, and the text is nowhere.
    expect(afterFrames.every((f) => f.epoch === epochsAfter[after.spaceId])).toBe(true);
    expect(openWith(afterFrames, keys, fromHex(after.docId))).toEqual([]);
    expect(contains(kept.everything, AFTER)).toBe(false);
  } finally {
    await desktop.context.close();
    await phone.context.close();
  }
});
