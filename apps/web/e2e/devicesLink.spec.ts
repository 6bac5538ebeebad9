import { expect, test, type Page } from '@playwright/test';
import { canary } from './support/canary';
import { person } from './support/person';
import { linkByTypedCode } from './support/linkByTypedCode';
import { shoot } from './support/shoot';
import { createCollective, createInvite, createItem, editor, join, statusLine, welcome } from './support/steps';

/**
 * Issue 13, DEVICES-1: linking a device (PROTOCOL.md §11). Alice's desktop shows a code, her
 * phone (390×844) types it, both show the same comparison code and she confirms on both; the
 * phone then holds her spaces and writes as Alice, and Bob sees one Alice.
 */
canary('Assemblée de coordination');

async function openActions(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Actions', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Actions', level: 1 })).toBeVisible();
}

test('DEVICES-1: Alice links her phone to her desktop by typed code; both confirm the same comparison code; the phone sees her spaces and edits a document as Alice; Bob sees one Alice', async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const base = String(info.project.use.baseURL);
  const ALICE = canary('Aline Castanet');
  const BOB = canary('Benoît Faure');
  const COLLECTIVE = canary('Collectif des Cévennes');
  const TITLE = canary('Tract pour le marché de Florac');
  const desktop = await person(browser, base, ALICE);
  const phone = await person(browser, base, `${ALICE} (téléphone)`, { phone: true });
  const bob = await person(browser, base, BOB);
  try {
    const d = desktop.page;
    const p = phone.page;
    const b = bob.page;
    await d.goto('/');
    await welcome(d, ALICE);
    await createCollective(d, COLLECTIVE);
    await openActions(d);
    const invite = await createInvite(d, /^Membre/);
    await join(b, invite, BOB);
    await expect(b.getByRole('heading', { name: 'Actions', level: 1 })).toBeVisible();
    await openActions(d);
    await createItem(d, { template: /^Fiche action/, title: TITLE });
    await expect(editor(d)).toBeVisible();
    await expect(statusLine(d)).toHaveText('Chiffré · enregistré');
    const docUrl = d.url();

    // The desktop (with the account) shows a code; the phone's first screen offers to type it;
    // both show the same comparison code and Alice confirms on both.
    await linkByTypedCode(d, p, { shots: true });

    // The phone holds Alice's profile (name, colour) and her spaces.
    const profileOf = (page: Page) =>
      page.evaluate(() => {
        const c = (
          window.__trame as { client: { profile: { displayName: string; colour: string; spaces: unknown[] } } }
        ).client;
        return { name: c.profile.displayName, colour: c.profile.colour, spaces: c.profile.spaces.length };
      });
    const mine = await profileOf(d);
    expect(await profileOf(p)).toEqual(mine);
    await p.getByRole('button', { name: "Ouvrir l'accueil" }).click();
    await expect(p.getByRole('heading', { name: COLLECTIVE, level: 1 })).toBeVisible({ timeout: 30_000 });
    await shoot(p, 'devices', 'link-phone-home');

    // Both devices edit the same document as Alice; Bob sees one Alice.
    const fromPhone = canary('Distribution samedi 9 h devant la halle');
    const fromDesktop = canary('Prévoir 300 exemplaires');
    await d.goto(docUrl);
    await p.goto(docUrl);
    await b.goto(docUrl);
    for (const page of [d, p, b])
      await expect(editor(page).getByRole('heading', { name: 'Fiche action' })).toBeVisible();
    await editor(p).getByRole('heading', { name: 'Objectif' }).click();
    await p.keyboard.press('End');
    await p.keyboard.press('Enter');
    await p.keyboard.type(fromPhone, { delay: 15 });
    await editor(d).getByRole('heading', { name: 'Rôles' }).click();
    await d.keyboard.press('End');
    await d.keyboard.press('Enter');
    await d.keyboard.type(fromDesktop, { delay: 15 });
    for (const page of [d, p, b]) {
      await expect(editor(page)).toContainText(fromPhone);
      await expect(editor(page)).toContainText(fromDesktop);
    }
    await expect(statusLine(p)).toHaveText('Chiffré · enregistré');
    await expect(b.locator(`.presence li[title="${ALICE}"]`)).toHaveCount(1);
    await shoot(p, 'devices', 'link-phone-editing');
    await shoot(b, 'devices', 'link-bob-sees-one-alice');
  } finally {
    await desktop.context.close();
    await phone.context.close();
    await bob.context.close();
  }
});

test('DEVICES-1: the other way round: the new laptop shows the code, Alice types it on her phone (which holds the account); same comparison code; the laptop opens her collective', async ({
  browser,
}, info) => {
  test.setTimeout(150_000);
  const base = String(info.project.use.baseURL);
  const ALICE = canary('Amélie Sabatier');
  const COLLECTIVE = canary('Collectif du Larzac');
  const phone = await person(browser, base, ALICE, { phone: true });
  const laptop = await person(browser, base, `${ALICE} (ordinateur)`);
  try {
    const p = phone.page;
    const l = laptop.page;
    await p.goto('/');
    await welcome(p, ALICE);
    await createCollective(p, COLLECTIVE);

    // The laptop (no camera) shows a code instead of typing one.
    await l.goto('/');
    await l.getByRole('link', { name: "J'ai déjà un compte sur un autre appareil" }).click();
    await l.getByRole('button', { name: 'Afficher un code sur cet appareil à la place' }).click();
    const shown = l.getByTestId('link-code');
    await expect(shown).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await shoot(l, 'devices', 'link-laptop-new-shows-code');
    const code = (await shown.textContent())!.trim();

    // The phone, in Réglages, takes the laptop's code.
    await p.goto('/settings');
    await p.getByRole('button', { name: 'Lier un autre appareil' }).click();
    await expect(p.getByTestId('link-code')).toBeVisible();
    await shoot(p, 'devices', 'link-phone-account-code', true);
    await p.getByRole('button', { name: "L'autre appareil affiche déjà un code ? Le saisir ici" }).click();
    await p.getByLabel("Code affiché sur l'autre appareil").fill(code);
    await p.getByRole('button', { name: 'Continuer' }).click();

    const onPhone = p.getByTestId('link-comparison');
    await expect(onPhone).toHaveText(/^\d{3} \d{3}$/);
    await expect(l.getByTestId('link-comparison')).toHaveText((await onPhone.textContent())!.trim());
    await shoot(p, 'devices', 'link-phone-account-compare');
    await p.getByRole('button', { name: 'Les codes sont identiques' }).click();
    await l.getByRole('button', { name: 'Les codes sont identiques' }).click();
    await expect(p.getByTestId('link-done')).toContainText('Appareil lié : ');
    await expect(l.getByTestId('link-done')).toBeVisible();
    await shoot(p, 'devices', 'link-phone-account-done');
    await l.getByRole('button', { name: "Ouvrir l'accueil" }).click();
    await expect(l.getByRole('heading', { name: COLLECTIVE, level: 1 })).toBeVisible({ timeout: 30_000 });
  } finally {
    await phone.context.close();
    await laptop.context.close();
  }
});

test('DEVICES-1: codes that differ are refused on both screens and nothing is linked; a wrong code says so', async ({
  browser,
}, info) => {
  const base = String(info.project.use.baseURL);
  const ALICE = canary('Adèle Roumanille');
  const desktop = await person(browser, base, ALICE);
  const phone = await person(browser, base, `${ALICE} (téléphone)`, { phone: true });
  try {
    const d = desktop.page;
    const p = phone.page;
    await d.goto('/');
    await welcome(d, ALICE);
    await expect(d.getByRole('heading', { name: 'Créer le collectif' })).toBeVisible();
    await d.goto('/settings');
    await d.getByRole('button', { name: 'Lier un autre appareil' }).click();
    const code = (await d.getByTestId('link-code').textContent())!.trim();
    await shoot(d, 'devices', 'link-desktop-code');

    await p.goto('/link');
    await shoot(p, 'devices', 'link-phone-enter');
    await p.getByLabel("Code affiché sur l'autre appareil").fill('ZZZZ-ZZZZ' === code ? '0000-0000' : 'ZZZZ-ZZZZ');
    await p.getByRole('button', { name: 'Continuer' }).click();
    await expect(p.getByTestId('link-error')).toContainText("Ce code n'existe pas ou a expiré");
    await shoot(p, 'devices', 'link-phone-wrong-code');

    await p.getByRole('button', { name: 'Recommencer' }).click();
    await p.getByLabel("Code affiché sur l'autre appareil").fill(code);
    await p.getByRole('button', { name: 'Continuer' }).click();
    await expect(p.getByTestId('link-comparison')).toHaveText(/^\d{3} \d{3}$/);
    await expect(d.getByTestId('link-comparison')).toHaveText((await p.getByTestId('link-comparison').textContent())!);
    await shoot(p, 'devices', 'link-phone-compare');
    await shoot(d, 'devices', 'link-desktop-compare');
    // Alice sees a different code (say, a relay in the middle): she says so on the phone.
    await p.getByRole('button', { name: 'Les codes sont différents' }).click();
    await expect(p.getByTestId('link-error')).toContainText('Rien n');
    await expect(d.getByTestId('link-error')).toContainText("L'autre appareil a arrêté la liaison");
    await expect(p.getByRole('heading', { name: 'Bienvenue sur Trame' })).toHaveCount(0);
    await p.goto('/');
    await expect(p.getByRole('heading', { name: 'Bienvenue sur Trame' })).toBeVisible();
  } finally {
    await desktop.context.close();
    await phone.context.close();
  }
});
