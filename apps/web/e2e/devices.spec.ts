import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { canary } from './support/canary';
import { person } from './support/person';
import { shoot } from './support/shoot';
import {
  createCollective,
  createInvite,
  createItem,
  editor,
  join as joinSpace,
  statusLine,
  welcome,
} from './support/steps';

/**
 * Issue 13: one person, several devices. DEVICES-5 (safety net) here; DEVICES-4 (the locked
 * device, a copy of the browser profile on disk) in devicesLock.spec.ts.
 */
canary('Assemblée de coordination');

test('DEVICES-5: the single-animateur warning shows to that animateur, on the space and the home, and goes when a second animateur joins', async ({
  browser,
}, info) => {
  test.setTimeout(120_000);
  const base = String(info.project.use.baseURL);
  const ALICE = canary('Anaïs Rouquette');
  const BOB = canary('Baptiste Cazals');
  const alice = await person(browser, base, ALICE);
  const bob = await person(browser, base, BOB);
  try {
    const a = alice.page;
    await a.goto('/');
    await welcome(a, ALICE);
    await createCollective(a, canary('Collectif du Lauragais'));
    // The home lists the spaces Alice runs alone: the assembly and every atelier she created.
    const notice = a.getByTestId('single-animateur');
    await expect(notice).toContainText('Vous êtes seul·e à animer 9 espace(s)');
    const assemblyCard = a.getByRole('link', { name: /Assemblée de coordination/ });
    const juridiqueCard = a.locator('article').filter({ has: a.getByRole('heading', { name: 'Juridique' }) });
    await expect(assemblyCard).toContainText('Seul·e animateur·rice');
    await expect(juridiqueCard).toContainText('Seul·e animateur·rice');
    await shoot(a, 'devices', 'home-single-animateur');
    await a
      .getByRole('link', { name: /Assemblée de coordination/ })
      .last()
      .click();
    await expect(a.getByRole('heading', { name: 'Assemblée de coordination', level: 1 })).toBeVisible();
    const warning = a.getByTestId('single-animateur');
    await expect(warning).toContainText(
      "Ajoutez un·e deuxième animateur·rice pour ne pas perdre la main sur l'atelier",
    );
    const assemblyUrl = a.url();

    // Bob joins as a member: still one animateur, and a member is not told.
    const asMember = await createInvite(a, /^Membre/);
    await joinSpace(bob.page, asMember, BOB);
    await expect(bob.page.getByRole('heading', { name: 'Collectif du Lauragais', level: 1 })).toBeVisible();
    await expect(bob.page.getByTestId('single-animateur')).toHaveCount(0);
    await bob.page.goto(assemblyUrl);
    await expect(bob.page.getByRole('heading', { name: 'Assemblée de coordination', level: 1 })).toBeVisible();
    await expect(bob.page.getByTestId('single-animateur')).toHaveCount(0);
    await a.goto(assemblyUrl);
    await expect(warning).toBeVisible();

    // Alice makes Bob animateur: the warning goes, on the space and on the home.
    await a.getByRole('link', { name: 'Gérer les membres et les invitations' }).click();
    const role = a.getByLabel(`Rôle de ${BOB}`);
    await role.selectOption({ label: 'Animateur·rice' });
    await expect(role).toHaveValue('1');
    // In-app navigation (no reload): the entry may still be on its way to the relay.
    await a.locator('header').getByRole('link', { name: 'Assemblée de coordination' }).click();
    await expect(a.getByRole('heading', { name: 'Assemblée de coordination', level: 1 })).toBeVisible();
    await expect(warning).toHaveCount(0);
    await a.locator('header a.crumb-home').click();
    await expect(notice).toContainText('Vous êtes seul·e à animer 8 espace(s)');
    await expect(juridiqueCard).toContainText('Seul·e animateur·rice');
    await expect(assemblyCard).not.toContainText('Seul·e animateur·rice');
  } finally {
    await alice.context.close();
    await bob.context.close();
  }
});

test('DEVICES-4: a space that asks for locked devices makes the app insist until this device is locked', async ({
  browser,
}, info) => {
  test.setTimeout(120_000);
  const base = String(info.project.use.baseURL);
  const alice = await person(browser, base, canary('Maëlys Bouscarle'));
  const PASS = 'quatre hérons dans la brume';
  try {
    const a = alice.page;
    await a.goto('/');
    await welcome(a, alice.name);
    await createCollective(a, canary('Collectif du Minervois'));
    await a.getByRole('link', { name: 'Juridique', exact: true }).click();
    await expect(a.getByRole('heading', { name: 'Juridique', level: 1 })).toBeVisible();
    await a.getByRole('button', { name: 'Modifier la présentation' }).click();
    await a.getByRole('checkbox', { name: /Demander aux membres de verrouiller leur appareil/ }).check();
    await a.getByRole('button', { name: 'Enregistrer' }).click();
    const banner = a.getByTestId('lock-asked');
    await expect(banner).toContainText('Juridique demande que les appareils de ses membres soient verrouillés');
    // It follows the person around the app.
    await a.locator('header a.crumb-home').click();
    await expect(banner).toBeVisible();
    await shoot(a, 'devices', 'lock-asked');
    await banner.getByRole('link', { name: 'Verrouiller cet appareil' }).click();
    await expect(a.getByRole('heading', { name: "Verrouillage de l'appareil" })).toBeVisible();
    await a.getByRole('textbox', { name: /^Phrase de passe/ }).fill(PASS);
    await a.getByLabel('La même, encore une fois').fill(PASS);
    await a.getByRole('button', { name: 'Verrouiller cet appareil' }).click();
    // The page reloads and asks for the passphrase it was just given.
    await expect(a.getByRole('heading', { name: 'Appareil verrouillé' })).toBeVisible({ timeout: 30_000 });
    await a.getByLabel('Phrase de passe').fill(PASS);
    await a.getByRole('button', { name: 'Déverrouiller' }).click();
    await expect(a.getByRole('heading', { name: 'Réglages' })).toBeVisible();
    await expect(a.getByText('Cet appareil est verrouillé par une phrase de passe')).toBeVisible();
    await a.locator('header a.crumb-home').click();
    await a.getByRole('link', { name: 'Juridique', exact: true }).click();
    await expect(a.getByRole('heading', { name: 'Juridique', level: 1 })).toBeVisible();
    await expect(banner).toHaveCount(0);
    // "Verrouiller maintenant" locks at once.
    await a.goto('/settings');
    await expect(a.getByRole('heading', { name: 'Appareil verrouillé' })).toBeVisible();
    await a.getByLabel('Phrase de passe').fill(PASS);
    await a.getByRole('button', { name: 'Déverrouiller' }).click();
    await a.getByRole('button', { name: 'Verrouiller maintenant' }).click();
    await expect(a.getByRole('heading', { name: 'Appareil verrouillé' })).toBeVisible();
  } finally {
    await alice.context.close();
  }
});

test('DEVICES-3: Alice clears all site data, restores with her phrase, finds her spaces and documents; the backup at the relay holds no canary', async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const base = String(info.project.use.baseURL);
  const NAME = canary('Albane Cazottes');
  const COLLECTIVE = canary('Collectif du Ségala');
  const TITLE = canary('Covoiturages pour Rodez');
  const TEXT = canary('Départ 7 h 30 place du foirail');
  const alice = await person(browser, base, NAME);
  try {
    const a = alice.page;
    await a.goto('/');
    await welcome(a, NAME);
    await createCollective(a, COLLECTIVE);
    await a.getByRole('link', { name: /Assemblée de coordination/ }).click();
    await createItem(a, { type: 'Document', title: TITLE });
    await editor(a).click();
    await a.keyboard.type(TEXT);
    await expect(statusLine(a)).toContainText('enregistré');
    const docUrl = a.url();

    // The home reminds her, gently, and leads to Réglages.
    await a.locator('header a.crumb-home').click();
    const reminder = a.getByTestId('recovery-reminder');
    await expect(reminder).toContainText('Notez une phrase de récupération');
    await reminder.getByRole('link', { name: 'Créer ma phrase' }).click();
    await a.getByRole('button', { name: 'Créer ma phrase de récupération' }).click();
    await expect(a.getByTestId('recovery-phrase').locator('li')).toHaveCount(12);
    const words = await a.getByTestId('recovery-phrase').locator('li').allTextContents();
    await a.getByRole('button', { name: "Je l'ai notée" }).click();
    await expect(a.getByText(/Sauvegarde chiffrée à jour/)).toBeVisible();
    // Shown once, kept nowhere: this device takes a key of its own and forgets the person key
    // (ADR 0008 point 5), so it is a device another one can remove.
    await expect(a.getByText(/gardée sur aucun appareil/)).toBeVisible();
    const mine = a.getByTestId('device-list').getByTestId('device').filter({ hasText: 'Cet appareil' });
    await expect(a.getByTestId('device-list').getByTestId('device')).toHaveCount(2, { timeout: 60_000 });
    await expect(mine).not.toContainText('Clé du compte');
    const firstDevice = await mine.getAttribute('data-device');
    await a.locator('header a.crumb-home').click();
    await expect(a.getByRole('heading', { name: COLLECTIVE, level: 1 })).toBeVisible();
    await expect(reminder).toHaveCount(0);

    // Every site datum goes: IndexedDB, caches, service worker.
    const cdp = await alice.context.newCDPSession(a);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(base).origin, storageTypes: 'all' });
    await a.goto('/');
    await expect(a.getByRole('heading', { name: 'Bienvenue sur Trame' })).toBeVisible();

    // A wrong word is refused; the phrase brings everything back.
    await a.getByRole('link', { name: "J'ai une phrase de récupération" }).click();
    const field = a.getByLabel('Phrase de récupération');
    await field.fill([...words.slice(0, 11), words[11] === 'abaisser' ? 'abandon' : 'abaisser'].join(' '));
    await a.getByRole('button', { name: 'Restaurer' }).click();
    await expect(a.getByRole('alert')).toContainText(/valide|aucune sauvegarde/i);
    await field.fill(words.join(' '));
    await a.getByRole('button', { name: 'Restaurer' }).click();
    await expect(a.getByRole('heading', { name: COLLECTIVE, level: 1 })).toBeVisible({ timeout: 30_000 });
    await a.goto(docUrl);
    await expect(editor(a)).toContainText(TEXT);
    await a.goto('/settings');
    await expect(a.getByLabel('Nom affiché')).toHaveValue(NAME);
    // The first device (lost or seized, say) is removed from the restored browser.
    const seized = a.getByTestId('device-list').locator(`[data-device="${firstDevice}"]`);
    a.once('dialog', (d) => void d.accept());
    await seized.getByRole('button', { name: 'Retirer cet appareil' }).click();
    await expect(a.getByText(/est retiré : il ne peut plus se connecter/)).toBeVisible({ timeout: 60_000 });

    // The relay keeps one opaque backup: none of her names, titles or text in it.
    const dir = join(process.env.TRAME_E2E_DIR!, 'data', 'backups');
    const backups = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
    expect(backups.length).toBeGreaterThan(0);
    for (const bytes of backups) {
      for (const text of [NAME, COLLECTIVE, TITLE, TEXT, 'Assemblée de coordination', 'Juridique', ...words]) {
        expect(bytes.includes(Buffer.from(text, 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from(text, 'utf16le'))).toBe(false);
      }
    }
  } finally {
    await alice.context.close();
  }
});
