import { expect, test, type Locator, type Page } from '@playwright/test';
import { canary } from './support/canary';
import { person, type Person } from './support/person';
import { shoot } from './support/shoot';
import { createInvite, createItem, editor, join, statusLine, welcome } from './support/steps';

/**
 * Issue 15, HISTORY-1 and HISTORY-2, as people use them: Alice and Bob write a tract together;
 * Alice names the version voted in assembly; Bob wipes the text by mistake; Alice previews the
 * named version read-only and restores it, and Bob's screen gets it at once while both keep
 * writing. Then the text by author (each person's colour, a legend) and the comparison of two
 * versions (what was added, what was removed), for the tract and for the assembly's minutes;
 * the same screens on a phone, by keyboard. Tests run in order and share these people.
 */
test.describe.configure({ mode: 'serial' });

const ALICE = 'Alice Verdier';
const BOB = 'Bob Lacroix';
const COLLECTIVE = canary('Collectif des Historiques');
const TITLE = canary('Tract de la manif');
const VOTED = canary('Version votée en AG du 3 décembre');
const FIRST = canary('Rendez-vous samedi à 14 h place du marché.');
const SECOND = canary('Apportez des banderoles.');
const OOPS = canary('oups');
const LATE = canary('Rendez-vous devant la mairie pour les retardataires.');
const OUT = 'history';

let alice: Person;
let bob: Person;
let assemblyUrl = '';
let docUrl = '';

/** The history dialog of the open item. */
const history = (p: Page): Locator => p.getByRole('dialog', { name: /^Historique de/ });

async function openHistory(p: Page): Promise<Locator> {
  await p.getByRole('button', { name: 'Historique', exact: true }).click();
  const d = history(p);
  await expect(d).toBeVisible();
  await expect(d.getByRole('navigation', { name: 'Versions' })).toBeVisible();
  return d;
}

/** The timeline entry of a version whose label contains `text`. */
const versionButton = (d: Locator, text: string | RegExp): Locator =>
  d.getByRole('navigation', { name: 'Versions' }).getByRole('button', { name: text });

/** Names the version shown: "Nommer cette version", the name, "Enregistrer le nom". */
async function nameShownVersion(d: Locator, name: string): Promise<void> {
  await d.getByRole('button', { name: 'Nommer cette version' }).click();
  await d.getByLabel('Nom de la version').fill(name);
  await d.getByRole('button', { name: 'Enregistrer le nom' }).click();
  await expect(versionButton(d, name)).toBeVisible();
}

test.beforeAll(async ({ browser }, info) => {
  test.setTimeout(150_000);
  const base = String(info.project.use.baseURL);
  alice = await person(browser, base, ALICE);
  bob = await person(browser, base, BOB);
  const a = alice.page;
  await a.goto('/');
  await welcome(a, ALICE);
  await a.getByLabel('Nom du collectif').fill(COLLECTIVE);
  for (const name of ['Média / Marketing', 'Communication', 'Actions', 'Juridique', 'Sécurité', 'Informatique', 'Partenariat', 'Formation'])
    await a.getByRole('checkbox', { name }).uncheck();
  await a.getByRole('button', { name: 'Créer le collectif' }).last().click();
  await a.getByRole('link', { name: /Assemblée de coordination/ }).click();
  await expect(a.getByRole('heading', { name: 'Assemblée de coordination', level: 1 })).toBeVisible();
  assemblyUrl = a.url();
  const link = await createInvite(a, /^Membre/);
  await join(bob.page, link, BOB);
  await expect(bob.page.getByRole('heading', { name: COLLECTIVE, level: 1 })).toBeVisible();
  await a.goto(assemblyUrl);
  await createItem(a, { type: 'Document', title: TITLE });
  await expect(editor(a)).toBeVisible();
  docUrl = a.url();
});

test.afterAll(async () => {
  for (const p of [alice, bob]) await p?.context.close();
});

test('HISTORY-1: a version is named, previewed read-only and restored after a mistake; the other person gets it live and both keep writing', async () => {
  const a = alice.page;
  const b = bob.page;
  await editor(a).click();
  await a.keyboard.type(FIRST);
  await b.goto(docUrl);
  await expect(editor(b)).toContainText(FIRST);
  await editor(b).click();
  await b.keyboard.press('Control+End');
  await b.keyboard.press('Enter');
  await b.keyboard.type(SECOND);
  for (const p of [a, b]) {
    await expect(editor(p)).toContainText(SECOND);
    await expect(statusLine(p)).toHaveText('Chiffré · enregistré');
  }

  // The version voted in assembly gets a name, from the current version.
  let d = await openHistory(a);
  await expect(d.getByRole('button', { name: /Version actuelle/ })).toHaveAttribute('aria-current', 'true');
  await expect(d.getByRole('tabpanel')).toContainText(SECOND);
  await nameShownVersion(d, VOTED);
  await shoot(a, OUT, 'desktop-named');
  await a.keyboard.press('Escape');
  await expect(d).toBeHidden();

  // Bob wipes the text by mistake.
  await editor(b).click();
  await b.keyboard.press('Control+a');
  await b.keyboard.press('Delete');
  await b.keyboard.type(OOPS);
  await expect(editor(a)).toContainText(OOPS);
  await expect(editor(a)).not.toContainText(SECOND);

  // Alice finds the named version, reads it (read-only), restores it.
  d = await openHistory(a);
  await versionButton(d, VOTED).click();
  await expect(d.getByRole('heading', { name: VOTED })).toBeVisible();
  const preview = d.getByRole('tabpanel');
  await expect(preview).toContainText(FIRST);
  await expect(preview).toContainText(SECOND);
  await expect(preview.getByRole('textbox')).toHaveCount(0);
  await expect(preview.locator('[contenteditable="true"]')).toHaveCount(0);
  await shoot(a, OUT, 'desktop-preview');
  await d.getByRole('button', { name: 'Restaurer cette version' }).click();
  await expect(d.getByText(/pour tout le monde, tout de suite/)).toBeVisible();
  await d.getByRole('button', { name: 'Oui, restaurer' }).click();
  await expect(d.getByRole('status').filter({ hasText: 'Version restaurée' })).toBeVisible();
  await shoot(a, OUT, 'desktop-restored');
  await a.keyboard.press('Escape');

  // Bob's page, never reloaded, has the restored text; the restore arrived once.
  for (const p of [a, b]) {
    await expect(editor(p)).toContainText(FIRST);
    await expect(editor(p)).toContainText(SECOND);
    await expect(editor(p)).not.toContainText(OOPS);
    expect((await editor(p).textContent())!.split(SECOND).length - 1).toBe(1);
  }
  // Both keep working on the restored text.
  await b.keyboard.press('Control+End');
  await b.keyboard.type(' Merci !');
  await expect(editor(a)).toContainText(`${SECOND} Merci !`);
  for (const p of [a, b]) await expect(statusLine(p)).toHaveText('Chiffré · enregistré');
});

test('HISTORY-2: "Couleurs des auteurs" shows each person’s text in their colour with a legend; comparing two versions shows what was added and removed', async () => {
  const a = alice.page;
  const b = bob.page;
  // Alice changes a word of the first line; Bob adds a line.
  await editor(a).getByText(FIRST).click();
  await a.keyboard.press('Home');
  for (let i = 0; i < 'Rendez-vous '.length; i++) await a.keyboard.press('ArrowRight');
  for (let i = 0; i < 'samedi'.length; i++) await a.keyboard.press('Shift+ArrowRight');
  await a.keyboard.type('dimanche');
  await editor(b).click();
  await b.keyboard.press('Control+End');
  await b.keyboard.press('Enter');
  await b.keyboard.type(LATE);
  await expect(editor(a)).toContainText(LATE);
  await expect(editor(b)).toContainText('Rendez-vous dimanche');

  const d = await openHistory(a);
  await d.getByRole('tab', { name: 'Couleurs des auteurs' }).click();
  const legend = d.getByRole('region', { name: 'Qui a écrit quoi' });
  await expect(legend.getByRole('listitem', { name: new RegExp(`^${ALICE} : \\d+ % du texte$`) })).toBeVisible();
  await expect(legend.getByRole('listitem', { name: new RegExp(`^${BOB} : \\d+ % du texte$`) })).toBeVisible();
  const byAlice = d.locator(`.by[data-author="${ALICE}"]`);
  const byBob = d.locator(`.by[data-author="${BOB}"]`);
  await expect(byAlice.filter({ hasText: 'dimanche' })).toHaveCount(1);
  await expect(byBob.filter({ hasText: 'retardataires' })).toHaveCount(1);
  const colour = (l: Locator) => l.first().evaluate((el) => getComputedStyle(el).getPropertyValue('--a').trim());
  const [ca, cb] = [await colour(byAlice), await colour(byBob)];
  expect(ca).toMatch(/^#[0-9a-f]{6}$/);
  expect(cb).toMatch(/^#[0-9a-f]{6}$/);
  expect(ca).not.toBe(cb);
  // the legend's swatches are the same colours as the text
  const swatch = (name: string) =>
    legend
      .getByRole('listitem', { name: new RegExp(`^${name}`) })
      .locator('.swatch')
      .evaluate((el) => getComputedStyle(el).getPropertyValue('--a').trim());
  expect(await swatch(ALICE)).toBe(ca);
  expect(await swatch(BOB)).toBe(cb);
  await shoot(a, OUT, 'desktop-authors');

  await d.getByRole('tab', { name: 'Comparer' }).click();
  await d.getByLabel('Comparer avec').selectOption({ label: VOTED });
  const panel = d.getByRole('tabpanel');
  await expect(panel).toContainText(`Ce qui a changé de « ${VOTED} » à « Version actuelle »`);
  await expect(panel.getByRole('deletion').filter({ hasText: 'samedi' })).toHaveCount(1);
  await expect(panel.getByRole('insertion').filter({ hasText: 'dimanche' })).toHaveCount(1);
  await expect(panel.getByRole('insertion').filter({ hasText: LATE })).toHaveCount(1);
  await expect(panel.getByText('Ajouts : 1 · Suppressions : 0 · Modifications : 2')).toBeVisible();
  await shoot(a, OUT, 'desktop-compare');
  await a.keyboard.press('Escape');
});

test('HISTORY-2: minutes by author and compared with a named version', async () => {
  const a = alice.page;
  const b = bob.page;
  const place = canary('Salle des fêtes de Lodève');
  const said = canary('Alice propose une marche le 14.');
  const more = canary(' Bob apporte la sono.');
  const vote = canary(' Vote : unanimité.');
  await a.goto(assemblyUrl);
  await a.getByRole('button', { name: 'Nouveau' }).click();
  await a.getByRole('button', { name: 'Créer', exact: true }).click();
  await expect(a.getByRole('heading', { name: 'Ordre du jour' })).toBeVisible();
  const minutesUrl = a.url();
  await a.getByLabel('Lieu').fill(place);
  await a.getByLabel('Lieu').blur();
  const discussion = (p: Page) => p.getByLabel('Discussion du point 1', { exact: true });
  await discussion(a).fill(said);
  await b.goto(minutesUrl);
  await expect(discussion(b)).toHaveValue(said);
  await discussion(b).click();
  await b.keyboard.press('Control+End');
  await b.keyboard.type(more);
  await expect(discussion(a)).toHaveValue(said + more);

  let d = await openHistory(a);
  await d.getByRole('tab', { name: 'Couleurs des auteurs' }).click();
  await expect(d.locator(`.by[data-author="${ALICE}"]`).filter({ hasText: place })).toHaveCount(1);
  await expect(d.locator(`.by[data-author="${ALICE}"]`).filter({ hasText: 'Alice propose une marche' })).toHaveCount(1);
  await expect(d.locator(`.by[data-author="${BOB}"]`).filter({ hasText: 'Bob apporte la sono.' })).toHaveCount(1);
  await shoot(a, OUT, 'desktop-minutes-authors');
  await nameShownVersion(d, canary('Avant le vote'));
  await a.keyboard.press('Escape');

  await discussion(b).click();
  await b.keyboard.press('Control+End');
  await b.keyboard.type(vote);
  await expect(discussion(a)).toHaveValue(said + more + vote);
  d = await openHistory(a);
  await d.getByRole('button', { name: /Version actuelle/ }).click();
  await d.getByRole('tab', { name: 'Comparer' }).click();
  await d.getByLabel('Comparer avec').selectOption({ label: 'Avant le vote' });
  const panel = d.getByRole('tabpanel');
  await expect(panel.getByRole('insertion').filter({ hasText: 'Vote : unanimité.' })).toHaveCount(1);
  await expect(panel.getByText('Ajouts : 0 · Suppressions : 0 · Modifications : 1')).toBeVisible();
  await shoot(a, OUT, 'desktop-minutes-compare');
  await a.keyboard.press('Escape');
});

test('HISTORY-1: on a phone (390×844) the timeline and a version take turns; arrows and Enter choose a version', async () => {
  const a = alice.page;
  await a.setViewportSize({ width: 390, height: 844 });
  try {
    await a.goto(docUrl);
    await expect(editor(a)).toContainText(LATE);
    const d = await openHistory(a);
    const current = d.getByRole('button', { name: /Version actuelle/ });
    await expect(current).toBeVisible();
    await expect(d.getByRole('tabpanel')).toBeHidden();
    await shoot(a, OUT, 'phone-timeline');
    await current.focus();
    await a.keyboard.press('ArrowDown');
    const focused = d.locator('button.version:focus');
    await expect(focused).toHaveCount(1);
    await expect(focused).not.toHaveText(/Version actuelle/);
    await a.keyboard.press('Enter');
    await expect(d.getByRole('button', { name: 'Retour aux versions' })).toBeVisible();
    await expect(d.getByRole('navigation', { name: 'Versions' })).toBeHidden();
    await expect(d.getByRole('heading', { level: 3 })).toBeFocused();
    await shoot(a, OUT, 'phone-version');
    await d.getByRole('tab', { name: 'Couleurs des auteurs' }).click();
    await d.getByRole('tab', { name: 'Couleurs des auteurs' }).press('ArrowRight');
    await expect(d.getByRole('tab', { name: 'Comparer' })).toBeFocused();
    await expect(d.getByRole('tab', { name: 'Comparer' })).toHaveAttribute('aria-selected', 'true');
    await shoot(a, OUT, 'phone-compare');
    await d.getByRole('button', { name: 'Retour aux versions' }).click();
    await expect(d.getByRole('navigation', { name: 'Versions' })).toBeVisible();
    await d.getByRole('button', { name: /Version actuelle/ }).click();
    await d.getByRole('tab', { name: 'Couleurs des auteurs' }).click();
    await expect(d.locator(`.by[data-author="${BOB}"]`).first()).toBeVisible();
    await shoot(a, OUT, 'phone-authors');
    // the dialog fits the screen: nothing wider than the phone
    const width = await d.evaluate((el) => el.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await a.keyboard.press('Escape');
  } finally {
    await a.setViewportSize({ width: 1280, height: 800 });
  }
});
