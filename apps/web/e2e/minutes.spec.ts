import { expect, test, type Browser, type Page } from '@playwright/test';
import { canary } from './support/canary';
import { person, type Person } from './support/person';
import { shoot } from './support/shoot';
import { createCollective, createInvite, createItem, join, statusLine, welcome } from './support/steps';

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
let dora: Person | undefined;
let assemblyUrl = '';
let minutesUrl = '';
let actionsUrl = '';
const DORA = canary('Dora Peyrolles');

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
  await a.goto('/');
  await a.getByRole('link', { name: 'Actions', exact: true }).click();
  await expect(a.getByRole('heading', { name: 'Actions', level: 1 })).toBeVisible();
  actionsUrl = a.url();
});

test.afterAll(async () => {
  for (const p of [alice, bob, claire, dora]) await p?.context.close();
});

/**
 * Dora, on a phone, observer of the Actions atelier only (not in the assembly): invited by
 * Alice, she reads the invitation before being asked her name (MINUTES-8). Made once.
 */
async function ensureDora(browser: Browser, base: string, onJoinScreen?: (p: Page) => Promise<void>): Promise<Person> {
  if (dora) return dora;
  const a = alice.page;
  await a.goto(actionsUrl);
  const link = await createInvite(a, /^Observateur/);
  const d = await person(browser, base, DORA, { phone: true });
  await d.page.goto(link);
  await expect(d.page.getByRole('heading', { name: 'Bienvenue sur Trame' })).toBeVisible();
  await onJoinScreen?.(d.page);
  await welcome(d.page, DORA);
  await expect(d.page.getByRole('heading', { name: 'Actions', level: 1 })).toBeVisible();
  dora = d;
  return d;
}

/** Alice's key fingerprint as her own settings page shows it (what she reads out to an invitee). */
async function aliceFingerprint(): Promise<string> {
  await alice.page.goto('/settings');
  const shown = alice.page.getByTestId('my-fingerprint');
  await expect(shown).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return (await shown.textContent())!;
}

/** The agenda item `n` of the open minutes. */
const agendaItem = (p: Page, n: number) =>
  p.getByRole('listitem').filter({ has: p.getByLabel(`Intitulé du point ${n}`) });

test('MINUTES-1: three people typing at the same place in one minutes field keep their sentences whole', async () => {
  const people = [alice, bob, claire].map((p) => p.page);
  await alice.page.goto(minutesUrl);
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

test('MINUTES-8: the invitee reads collective, space, role and inviter before giving a name; her own name shows at once', async ({
  browser,
}, info) => {
  const base = String(info.project.use.baseURL);
  let shown = false;
  const fingerprint = await aliceFingerprint();
  const d = await ensureDora(browser, base, async (p) => {
    const invite = p.getByRole('region', { name: 'Vous êtes invité·e' });
    await expect(invite).toContainText('Collectif des Garrigues');
    await expect(invite).toContainText('Actions (atelier)');
    await expect(invite).toContainText('Observateur·rice');
    await expect(invite).toContainText(ALICE);
    // MEMBERSHIP-1: and the fingerprint of the key that signed the invite, as Alice sees her own.
    await expect(invite.getByTestId('inviter-fingerprint')).toHaveText(fingerprint);
    // Before anything is asked: the invitation comes before the name field.
    const [inviteBox, nameBox] = await Promise.all([
      invite.boundingBox(),
      p.getByLabel('Votre nom dans le collectif').boundingBox(),
    ]);
    expect(inviteBox!.y).toBeLessThan(nameBox!.y);
    await shoot(p, 'minutes', 'minutes-8-join-phone');
    shown = true;
  });
  test.skip(!shown, 'Dora had already joined in an earlier test of this run');
  // An observer cannot write her profile into the index: her own device names her anyway.
  const members = d.page.getByRole('complementary', { name: /^Membres/ });
  await expect(members.getByText(`${DORA} (vous)`)).toBeVisible({ timeout: 2000 });
  await expect(d.page.getByText(/Membre [0-9a-f]{4}/)).toHaveCount(0);
});

test("MEMBERSHIP-1: before giving a name, the invitee sees the inviter's key fingerprint from the space's log, not from the link", async ({
  browser,
}, info) => {
  const base = String(info.project.use.baseURL);
  const fingerprint = await aliceFingerprint();
  await alice.page.goto(assemblyUrl);
  const link = await createInvite(alice.page, /^Membre/);
  // The link's readable part (after the token) claims another inviter: only the name follows it.
  const [token, preview] = link.split('#')[1]!.split('.') as [string, string];
  const claims = JSON.parse(Buffer.from(preview, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, i: 'Mallory' }), 'utf8').toString('base64url');
  const erwan = await person(browser, base, 'Erwan', { phone: true });
  try {
    const p = erwan.page;
    await p.goto(`${link.split('#')[0]!}#${token}.${forged}`);
    await expect(p.getByRole('heading', { name: 'Bienvenue sur Trame' })).toBeVisible();
    const invite = p.getByRole('region', { name: 'Vous êtes invité·e' });
    await expect(invite).toContainText('Mallory');
    await expect(invite.getByTestId('inviter-fingerprint')).toHaveText(fingerprint);
    await expect(invite).toContainText('Vérifiez-la avec elle');
    // Nothing was asked or made yet: the name field waits below the invitation, no identity exists.
    const [inviteBox, nameBox] = await Promise.all([
      invite.boundingBox(),
      p.getByLabel('Votre nom dans le collectif').boundingBox(),
    ]);
    expect(inviteBox!.y).toBeLessThan(nameBox!.y);
    expect(await p.evaluate(() => Boolean(window.__trame?.client))).toBe(false);
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await shoot(p, 'minutes', 'membership-1-join-phone');
    // Erwan joins; the same link, opened by someone else, says it was used before a name is asked.
    await welcome(p, 'Erwan');
    await expect(p.getByRole('heading', { name: 'Collectif des Garrigues', level: 1 })).toBeVisible();
    const fanny = await person(browser, base, 'Fanny', { phone: true });
    try {
      await fanny.page.goto(link);
      await expect(fanny.page.getByRole('alert')).toContainText("Ce lien d'invitation a déjà servi");
      await expect(fanny.page.getByRole('heading', { name: 'Bienvenue sur Trame' })).toBeVisible();
      await expect(fanny.page.getByTestId('inviter-fingerprint')).toHaveCount(0);
    } finally {
      await fanny.context.close();
    }
  } finally {
    await erwan.context.close();
  }
});

test('MINUTES-4: damaged invite, a link to minutes one may not read, unknown routes', async ({ browser }, info) => {
  const base = String(info.project.use.baseURL);
  const a = alice.page;
  // (a) A link cut short says so at once, before any name is asked.
  await a.goto(actionsUrl);
  const link = await createInvite(a, /^Membre/);
  const stranger = await person(browser, base, 'Inconnu');
  try {
    const [page, fragment] = link.split('#') as [string, string];
    await stranger.page.goto(`${page}#${fragment.split('.')[0]!.slice(0, -6)}`);
    await expect(stranger.page.getByText(/Ce lien d'invitation est abîmé ou incomplet/)).toBeVisible();
    await expect(stranger.page.getByRole('heading', { name: 'Bienvenue sur Trame' })).toHaveCount(0);
  } finally {
    await stranger.context.close();
  }
  // (c) An unknown route: a French page with the way home.
  await a.goto('/nulle/part');
  await expect(a.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  await a.getByRole('link', { name: "Retour à l'accueil" }).click();
  await expect(a.getByRole('heading', { name: 'Collectif des Garrigues', level: 1 })).toBeVisible();
  // (b) Dora, in Actions only, follows a decision card back to the assembly's minutes.
  const d = (await ensureDora(browser, base)).page;
  await a.goto(minutesUrl);
  const item = agendaItem(a, 3);
  const decision = canary('Tenir un stand place du marché');
  await item.getByPlaceholder('Texte de la décision').fill(decision);
  await item.getByRole('button', { name: 'Ajouter une décision' }).click();
  await item.getByRole('checkbox', { name: 'Actions' }).check();
  await d.goto(actionsUrl);
  await d.getByRole('link', { name: "Tableau de l'atelier" }).click();
  await d.getByRole('button', { name: `Ouvrir la carte « ${decision} »` }).click();
  await d.getByRole('dialog', { name: 'Carte' }).getByRole('link', { name: 'Voir le compte rendu' }).click();
  await expect(d.getByRole('heading', { name: "Vous n'êtes pas membre de cet espace" })).toBeVisible();
  await expect(d.getByText(/vous en a retiré·e/)).toHaveCount(0);
  await expect(d.getByText(/Rien n'a été effacé/)).toBeVisible();
  // …and nothing was: her atelier still opens.
  await d.goto(actionsUrl);
  await expect(d.getByRole('heading', { name: 'Actions', level: 1 })).toBeVisible();
});

test('MINUTES-5: a corrected decision updates its card with the date; a withdrawn one is marked, not deleted; the column stays', async ({
  browser,
}, info) => {
  const a = alice.page;
  const d = (await ensureDora(browser, String(info.project.use.baseURL))).page;
  const first = canary('Marche pour l’hôpital le 22');
  const corrected = canary('Marche pour l’hôpital le 22 (départ 14h)');
  await a.goto(minutesUrl);
  const item = agendaItem(a, 2);
  await item.getByPlaceholder('Texte de la décision').fill(first);
  await item.getByRole('button', { name: 'Ajouter une décision' }).click();
  await item.getByRole('checkbox', { name: 'Actions' }).check();
  await d.goto(actionsUrl);
  await d.getByRole('link', { name: "Tableau de l'atelier" }).click();
  const decisions = d.getByRole('list', { name: "Décisions de l'assemblée", exact: true });
  await expect(decisions.getByRole('listitem', { name: first })).toBeVisible();

  // Alice corrects the wording in the minutes: Dora's card follows, and says when.
  const row = item.locator('li.decision').first();
  const text = row.locator('textarea');
  await expect(text).toHaveValue(first);
  await text.fill(corrected);
  await text.blur();
  const card = decisions.getByRole('listitem', { name: corrected });
  await expect(card).toBeVisible();
  await expect(card).toContainText(/Décision modifiée le/);
  await shoot(d, 'minutes', 'minutes-5-modified-phone');

  // Alice withdraws it: the card stays, marked withdrawn.
  await row.getByRole('button', { name: 'Supprimer la décision' }).click();
  await expect(card).toContainText("Décision retirée par l'assemblée");
  await expect(card).toHaveCount(1);
  await shoot(d, 'minutes', 'minutes-5-withdrawn-phone');

  // The column that receives decisions can be neither renamed nor deleted, even by an animateur.
  await a.goto(actionsUrl);
  await a.getByRole('link', { name: "Tableau de l'atelier" }).click();
  const column = a.getByRole('region', { name: /Décisions de l'assemblée/ });
  await column.getByRole('button', { name: "Actions de la colonne « Décisions de l'assemblée »" }).click();
  await expect(column.getByRole('button', { name: 'Déplacer à droite' })).toBeVisible();
  await expect(column.getByRole('button', { name: 'Renommer' })).toHaveCount(0);
  await expect(column.getByRole('button', { name: /^Supprimer/ })).toHaveCount(0);
});

test('MINUTES-6: keyboard and touch: toolbar tab stop and arrows, board keys, a card opens without a keyboard, French labels, no overflow', async () => {
  const a = alice.page;
  const b = bob.page;
  const title = canary('Notes de la permanence');
  await a.goto(assemblyUrl);
  await createItem(a, { type: 'Document', title });
  // (d) The editor is named after its item; a task's checkbox after its text, in French.
  const ed = a.getByRole('textbox', { name: `Contenu de « ${title} »` });
  await expect(ed).toBeVisible();
  await ed.click();
  const task = canary('Réserver la salle');
  await a.keyboard.type(`[ ] ${task}`);
  await expect(a.getByRole('checkbox', { name: `Tâche : ${task}` })).toBeVisible();
  // (a) One tab stop in the toolbar, on an enabled control ("Annuler" is disabled before any
  // edit of one's own… here it is enabled: either way the stop is never a disabled button).
  const toolbar = a.getByRole('toolbar');
  const stops = toolbar.locator('[tabindex="0"]');
  await expect(stops).toHaveCount(1);
  await expect(stops).toBeEnabled();
  await stops.focus();
  const order = await toolbar
    .locator('[data-tb]:not(:disabled)')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  const at = order.indexOf(await stops.getAttribute('aria-label'));
  await a.keyboard.press('ArrowRight');
  await expect(a.locator(':focus')).toHaveAttribute('aria-label', order[at + 1]!);
  await a.keyboard.press('ArrowLeft');
  await expect(a.locator(':focus')).toHaveAttribute('aria-label', order[at]!);
  await a.keyboard.press('End');
  await expect(a.locator(':focus')).toHaveAttribute('aria-label', order.at(-1)!);

  // (e) Bob, on a phone, sees Alice's named caret wherever it stands, without a wider page.
  const docUrl = a.url();
  await b.goto(docUrl);
  await expect(b.getByRole('textbox', { name: `Contenu de « ${title} »` })).toContainText(task);
  await ed.click();
  await a.keyboard.press('Control+End');
  await a.keyboard.press('Enter');
  const label = b.locator('.collaboration-carets__label', { hasText: ALICE });
  for (let i = 0; i < 60; i++) {
    await a.keyboard.type('m');
    const box = await label.boundingBox().catch(() => null);
    if (box && box.x > 300) break;
  }
  await expect(label).toBeVisible();
  expect((await label.boundingBox())!.x).toBeGreaterThan(250);
  expect(await b.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shoot(b, 'minutes', 'minutes-6e-caret-phone');

  // (b) On a board: Enter opens the focused card; Space, then the right arrow, carries it to
  // the next column; Space drops it.
  await a.goto(actionsUrl);
  await a.getByRole('link', { name: "Tableau de l'atelier" }).click();
  const todo = a.getByRole('region', { name: /À faire/ });
  await todo.getByRole('button', { name: 'Ajouter une carte' }).click();
  const card = canary('Imprimer les affiches');
  const input = a.getByLabel('Titre de la nouvelle carte dans « À faire »');
  await input.fill(card);
  await input.press('Enter');
  await input.press('Escape');
  const tile = a.getByRole('listitem', { name: card });
  await tile.focus();
  await a.keyboard.press('Enter');
  await expect(a.getByRole('dialog', { name: 'Carte' })).toBeVisible();
  await a.keyboard.press('Escape');
  await expect(a.getByRole('dialog', { name: 'Carte' })).toBeHidden();
  await tile.focus();
  await a.keyboard.press('Space');
  await a.keyboard.press('ArrowRight');
  await a.keyboard.press('Space');
  await expect(
    a.getByRole('list', { name: 'En cours', exact: true }).getByRole('listitem', { name: card }),
  ).toHaveCount(1);
  await expect(a.getByRole('list', { name: 'À faire', exact: true }).getByRole('listitem', { name: card })).toHaveCount(
    0,
  );

  // (c) On a phone, opening a card shows its content: no field takes focus (no keyboard pops up).
  await a.setViewportSize({ width: 390, height: 844 });
  try {
    await a.getByRole('button', { name: `Ouvrir la carte « ${card} »` }).click();
    const dialog = a.getByRole('dialog', { name: 'Carte' });
    await expect(dialog).toBeVisible();
    expect(await a.evaluate(() => document.activeElement?.tagName)).toBe('DIALOG');
    await shoot(a, 'minutes', 'minutes-6c-card-phone');
    await a.keyboard.press('Escape');
  } finally {
    await a.setViewportSize({ width: 1280, height: 800 });
  }
});
