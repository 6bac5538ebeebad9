import { expect, test, type Page } from '@playwright/test';
import { canary } from './support/canary';
import { person, type Person } from './support/person';
import { shoot } from './support/shoot';
import { createCollective, createInvite, join, statusLine, welcome } from './support/steps';

/**
 * Issue 9: minutes that hold up in a real assembly. Alice (desktop) creates the collective and
 * brings Bob (phone) and Claire (desktop) into the assembly; each test then plays one of the
 * issue's cases against the real server. Tests share these people and run in order, but each
 * can be run alone (`-g 'MINUTES-3'`): the set-up is in beforeAll.
 */
test.describe.configure({ mode: 'serial' });

canary('Collectif des Garrigues', 'Assemblée de coordination', "Procès-verbal d'assemblée", 'Ordre du jour');
const ALICE = canary('Alice Vasseur');
const BOB = canary('Bob Lacombe');
const CLAIRE = canary('Claire Mauduit');

let alice: Person;
let bob: Person;
let claire: Person;
let assemblyUrl = '';
let minutesUrl = '';

/** The discussion field of agenda item `n`. */
const discussion = (p: Page, n = 1) => p.getByLabel(`Discussion du point ${n}`, { exact: true });

test.beforeAll(async ({ browser }, info) => {
  test.setTimeout(120_000);
  const base = String(info.project.use.baseURL);
  alice = await person(browser, base, ALICE);
  bob = await person(browser, base, BOB, { phone: true });
  claire = await person(browser, base, CLAIRE);
  const a = alice.page;
  await a.goto('/');
  await welcome(a, ALICE);
  await createCollective(a, 'Collectif des Garrigues');
  await a.getByRole('link', { name: /Assemblée de coordination/ }).click();
  await expect(a.getByRole('heading', { name: 'Assemblée de coordination', level: 1 })).toBeVisible();
  assemblyUrl = a.url();
  for (const [p, name] of [
    [bob, BOB],
    [claire, CLAIRE],
  ] as const) {
    await a.goto(assemblyUrl);
    const link = await createInvite(a, /^Membre/);
    await join(p.page, link, name);
    await expect(p.page.getByRole('heading', { name: 'Collectif des Garrigues', level: 1 })).toBeVisible();
  }
  await a.goto(assemblyUrl);
  await a.getByRole('button', { name: 'Nouveau' }).click();
  await a.getByRole('button', { name: 'Créer', exact: true }).click();
  await expect(a.getByRole('heading', { name: 'Ordre du jour' })).toBeVisible();
  minutesUrl = a.url();
});

test.afterAll(async () => {
  for (const p of [alice, bob, claire]) await p?.context.close();
});

test('MINUTES-1: three people typing at the same place in one minutes field keep their sentences whole', async () => {
  const people = [alice, bob, claire].map((p) => p.page);
  await discussion(alice.page).fill('Début.');
  for (const p of people.slice(1)) {
    await p.goto(minutesUrl);
    await expect(discussion(p)).toHaveValue('Début.');
  }
  const sentences = [
    canary(' Dominique demande le trajet exact.'),
    canary(' Gaspard apporte la sono du local.'),
    canary(' Salomé prévient la presse locale.'),
  ];
  // Everyone taps the end of the same field, then all type at once.
  for (const p of people) {
    await discussion(p).click();
    await p.keyboard.press('Control+End');
  }
  await Promise.all(people.map((p, i) => p.keyboard.type(sentences[i]!, { delay: 25 })));
  for (const p of people) {
    for (const s of sentences) await expect(discussion(p)).toHaveValue(new RegExp(s.replace('.', '\\.')));
    await expect(statusLine(p)).toHaveText('Chiffré · enregistré');
  }
  const texts = await Promise.all(people.map((p) => discussion(p).inputValue()));
  expect(new Set(texts).size).toBe(1);
  expect(texts[0]!.startsWith('Début.')).toBe(true);
  expect(texts[0]!.length).toBe('Début.'.length + sentences.join('').length);
  await shoot(bob.page, 'minutes', 'minutes-1-phone');
});

test('MINUTES-3: an id the space does not list opens nothing and writes nothing', async () => {
  const a = alice.page;
  const unknown = 'ab'.repeat(16);
  const opened: number[] = [];
  for (const kind of ['d', 'b', 'm']) {
    await a.goto(`${assemblyUrl}/${kind}/${unknown}`);
    await expect(a.getByRole('heading', { name: "Ce document n'existe pas (ou plus)" })).toBeVisible();
    opened.push(await a.evaluate(() => window.__trame!.client.openItems().length));
  }
  // No editor, nothing opened, and the way back leads to the space.
  await expect(a.getByRole('textbox')).toHaveCount(0);
  expect(opened).toEqual([0, 0, 0]);
  await a.getByRole('link', { name: "Retour à l'espace" }).click();
  await expect(a).toHaveURL(assemblyUrl);
  // A reload does not bring anything back either: nothing was written under that id.
  await a.goto(`${assemblyUrl}/d/${unknown}`);
  await expect(a.getByRole('heading', { name: "Ce document n'existe pas (ou plus)" })).toBeVisible();
});

test('MINUTES-2: someone arriving late sees, within a second, everyone already there, even idle', async () => {
  const a = alice.page;
  const b = bob.page;
  const c = claire.page;
  // Alice and Claire open the minutes and stay idle; Bob arrives 2.5 s later.
  await Promise.all([a.goto(minutesUrl), c.goto(minutesUrl), b.goto(assemblyUrl)]);
  await expect(statusLine(a)).toHaveText('Chiffré · enregistré');
  await expect(statusLine(c)).toHaveText('Chiffré · enregistré');
  await a.waitForTimeout(2500);
  await b.goto(minutesUrl);
  await expect(statusLine(b)).toHaveText('Chiffré · enregistré');
  const opened = Date.now();
  // Without an answer to newcomers, idle people only reappear at their 15 s renewal.
  for (const name of [ALICE, CLAIRE]) {
    await expect(b.locator(`main .presence li[title="${name}"]`)).toHaveCount(1, { timeout: 2000 });
  }
  console.log(`MINUTES-2: Bob saw Alice and Claire ${Date.now() - opened} ms after his minutes loaded`);
  await expect(a.locator(`main .presence li[title="${BOB}"]`)).toHaveCount(1);
});
