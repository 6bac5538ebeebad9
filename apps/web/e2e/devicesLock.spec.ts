import { cpSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { canary } from './support/canary';
import { attackProfile, findInFiles, profileFiles } from './support/profileAttack';
import { createCollective, createItem, editor, statusLine, welcome } from './support/steps';

/**
 * DEVICES-4: the locked device. Each person here has a real Chromium profile directory on disk
 * (a persistent context); the test copies it after the browser closed, as someone holding a
 * seized laptop or a phone's storage image would, and attacks the copy.
 */
const PASS = 'trois tortues sous la pluie';
const dirs = mkdtempSync(join(process.env.TRAME_E2E_DIR ?? '/tmp', 'profiles-'));

async function browserAt(dir: string, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const config = test.info().project.use;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: config.launchOptions?.executablePath,
    args: config.launchOptions?.args,
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript(() => {
    (window as unknown as { __TRAME_E2E__: boolean }).__TRAME_E2E__ = true;
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

/** The identity's secret key (64 bytes: seed ‖ public key), read through the test hook. */
async function secretKey(page: Page): Promise<Uint8Array> {
  const sk = await page.evaluate(() => {
    const hook = (window as unknown as { __trame?: { client: { profile: { secretKey: Uint8Array } } } }).__trame;
    return Array.from(hook?.client.profile.secretKey ?? []);
  });
  expect(sk).toHaveLength(64);
  return new Uint8Array(sk);
}

/** Copies a closed profile directory, as a seized device's storage would be. */
function copyOf(dir: string): string {
  const copy = `${dir}-copy`;
  cpSync(dir, copy, { recursive: true });
  return copy;
}

// eslint-disable-next-line no-empty-pattern -- no fixture: each browser here is a persistent profile of its own
test('DEVICES-4: with a passphrase, a copy of the browser profile yields neither the secret key nor document text, the WebCrypto-key attack fails, and a reload asks for the passphrase', async ({}, info) => {
  test.setTimeout(240_000);
  const base = String(info.project.use.baseURL);

  // Control: an unlocked device. The attack that works today recovers the identity's secret key.
  const openDir = join(dirs, 'open');
  const open = await browserAt(openDir, base);
  await open.page.goto('/');
  await welcome(open.page, canary('Octavie Ferrand'));
  await expect(open.page.getByRole('heading', { name: 'Créer le collectif' })).toBeVisible();
  const openKey = await secretKey(open.page);
  await open.context.close();
  const control = await attackProfile(copyOf(openDir));
  expect(control.deviceKeys.length).toBeGreaterThan(0);
  expect(control.profiles.some((p) => p.includes(Buffer.from(openKey).toString('hex')))).toBe(true);
  expect(control.openedEntries).toContain('profile');

  // Locked from the first screen: the passphrase is chosen with the name.
  const NAME = canary('Lison Marchetti');
  const COLLECTIVE = canary('Collectif des Cévennes');
  const TEXT = canary('Planque du matériel : grange des Aubrac, code 4471');
  const TITLE = canary('Liste des contacts avocats');
  const lockedDir = join(dirs, 'locked');
  const locked = await browserAt(lockedDir, base);
  const p = locked.page;
  await p.goto('/');
  await p.getByText('Protéger cet appareil par une phrase de passe').click();
  await p.getByRole('textbox', { name: /^Phrase de passe/ }).fill(PASS);
  await p.getByLabel('La même, encore une fois').fill(PASS);
  await welcome(p, NAME);
  await createCollective(p, COLLECTIVE);
  await p.getByRole('link', { name: /Assemblée de coordination/ }).click();
  await createItem(p, { type: 'Document', title: TITLE });
  await editor(p).click();
  await p.keyboard.type(TEXT);
  await expect(statusLine(p)).toContainText('enregistré');
  const docUrl = p.url();
  const key = await secretKey(p);

  // A reload asks for the passphrase, and says what the device keeps.
  await p.reload();
  await expect(p.getByRole('heading', { name: 'Appareil verrouillé' })).toBeVisible();
  await expect(
    p.getByText(/votre clé personnelle, la liste de vos espaces et une copie des documents ouverts/),
  ).toBeVisible();
  await p.getByLabel('Phrase de passe').fill('trois tortues sous le soleil');
  await p.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(p.getByText("Ce n'est pas la bonne phrase de passe.")).toBeVisible();
  await p.getByLabel('Phrase de passe').fill(PASS);
  await p.getByRole('button', { name: 'Déverrouiller' }).click();
  await p.goto(docUrl);
  await expect(p.getByRole('heading', { name: 'Appareil verrouillé' })).toBeVisible();
  await p.getByLabel('Phrase de passe').fill(PASS);
  await p.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(editor(p)).toContainText(TEXT);
  await locked.context.close();

  // The copy on disk: no secret key bytes (raw, seed, hex), no text typed, no key to unwrap.
  const copy = copyOf(lockedDir);
  const files = profileFiles(copy);
  expect(files.some((f) => f.path.includes('IndexedDB'))).toBe(true);
  const hex = Buffer.from(key).toString('hex');
  expect(findInFiles(files, [key, key.subarray(0, 32), hex, NAME, COLLECTIVE, TEXT, TITLE, PASS])).toEqual([]);
  const attack = await attackProfile(copy);
  // (A key made at first start, before the passphrase was chosen, may still be found in stale
  // records: it never sealed anything, and opens nothing.)
  expect(attack.profiles).toEqual([]);
  expect(attack.openedEntries).toEqual([]);

  // The copy, opened in a browser again, asks for the passphrase before showing anything.
  const again = await browserAt(copy, base);
  await again.page.goto('/');
  await expect(again.page.getByRole('heading', { name: 'Appareil verrouillé' })).toBeVisible();
  await expect(again.page.getByText(COLLECTIVE)).toHaveCount(0);
  await again.context.close();
});
