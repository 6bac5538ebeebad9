import { expect, test, type Page } from '@playwright/test';
import { canary } from './support/canary';
import { mouseDrag } from './support/mouseDrag';
import { person, type Person } from './support/person';
import { shoot } from './support/shoot';
import { createCollective, createInvite, createItem, editor, join, statusLine, welcome } from './support/steps';
import { touchDrag } from './support/touchDrag';

/**
 * The collective's story, against the real server, each person in their own browser (own
 * identity, own encrypted IndexedDB): Alice creates the collective, Bob joins "Actions" and
 * co-edits with her, boards and decisions travel, Claire observes, Bob works offline and a
 * phone does the basics. Tests run in order and share these people.
 */
test.describe.configure({ mode: 'serial' });

const COLLECTIVE = canary('Convergence Citoyenne Du Sud', 'Actions', 'Assemblée de coordination', 'Juridique');
// Titles and headings the app writes into encrypted documents (templates, the main board).
canary(
  'Fiche action',
  "Tableau de l'atelier",
  "Décisions de l'assemblée",
  'Ordre du jour',
  "Procès-verbal d'assemblée",
);
const ALICE = 'Alice Delaunay';
const BOB = 'Bob Marchetti';
const CLAIRE = 'Claire Fontaine';
const DOC_TITLE = canary('Préparation marche du 14 juillet');

let alice: Person;
let bob: Person;
let claire: Person;
let actionsUrl = '';
let docUrl = '';
let boardUrl = '';

test.beforeAll(async ({ browser }, info) => {
  const base = String(info.project.use.baseURL);
  alice = await person(browser, base, ALICE);
  bob = await person(browser, base, BOB);
  claire = await person(browser, base, CLAIRE);
});

test.afterAll(async () => {
  for (const p of [alice, bob, claire]) await p?.context.close();
});

/** Opens the Actions atelier from the home screen. */
async function openActions(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Actions', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Actions', level: 1 })).toBeVisible();
}

test('1. Alice creates the collective, invites Bob to Actions; they write one document together', async () => {
  const a = alice.page;
  await a.goto('/');
  await welcome(a, ALICE);
  await createCollective(a, COLLECTIVE);
  await shoot(a, 'story', '01-home-alice');
  await openActions(a);
  actionsUrl = a.url();

  const link = await createInvite(a, /^Membre/);
  // The secret is in the fragment: the path the server sees is just /join.
  expect(new URL(link).pathname).toBe('/join');

  const b = bob.page;
  await join(b, link, BOB);
  await expect(b.getByRole('heading', { name: 'Actions', level: 1 })).toBeVisible();
  await expect(b).toHaveURL(actionsUrl);
  // Alice sees Bob arrive in the member list with his name.
  await expect(a.getByText(BOB, { exact: true })).toBeVisible();
  await shoot(a, 'story', '02-members-with-bob');

  await a.goto(actionsUrl);
  await createItem(a, { template: /^Fiche action/, title: DOC_TITLE });
  await expect(editor(a)).toBeVisible();
  await expect(statusLine(a)).toHaveText('Chiffré · enregistré');
  docUrl = a.url();

  await b.goto(actionsUrl);
  await b.getByRole('link', { name: DOC_TITLE }).click();
  await expect(editor(b).getByRole('heading', { name: 'Fiche action' })).toBeVisible();

  // Both type at the same time, each in their own paragraph.
  const fromAlice = canary('Rendez-vous place de la Comédie à 10 h');
  const fromBob = canary('Banderole et sono prêtées par la Maison du peuple');
  await editor(a).getByRole('heading', { name: 'Objectif' }).click();
  await a.keyboard.press('End');
  await a.keyboard.press('Enter');
  await editor(b).getByRole('heading', { name: 'Rôles' }).click();
  await b.keyboard.press('End');
  await b.keyboard.press('Enter');
  await Promise.all([a.keyboard.type(fromAlice, { delay: 15 }), b.keyboard.type(fromBob, { delay: 15 })]);

  for (const p of [a, b]) {
    await expect(editor(p)).toContainText(fromAlice);
    await expect(editor(p)).toContainText(fromBob);
    await expect(statusLine(p)).toHaveText('Chiffré · enregistré');
  }
  // Each sees the other's caret, with their name.
  await expect(a.locator('.collaboration-carets__label', { hasText: BOB })).toBeVisible();
  await expect(b.locator('.collaboration-carets__label', { hasText: ALICE })).toBeVisible();
  // …and each other in the list of who is here.
  await expect(a.locator(`.presence li[title="${BOB}"]`)).toBeVisible();
  await expect(b.locator(`.presence li[title="${ALICE}"]`)).toBeVisible();
  await shoot(a, 'story', '03-coediting-alice');
  await shoot(b, 'story', '03-coediting-bob');
});

/** Opens the Actions board from the atelier page. */
async function openBoard(page: Page): Promise<void> {
  await page.goto(actionsUrl);
  await page.getByRole('link', { name: "Tableau de l'atelier" }).click();
  await expect(page.getByRole('region', { name: /À faire/ })).toBeVisible();
}

/** The cards of one column, by their accessible names. */
function cardsIn(page: Page, column: string) {
  return page.getByRole('list', { name: column, exact: true }).getByRole('listitem');
}

test('2. Bob moves a card and adds a checklist item, Alice sees it live; a card moved by both at once stays one card', async () => {
  const a = alice.page;
  const b = bob.page;
  const permit = canary('Demander l’autorisation en préfecture');
  const tracts = canary('Imprimer 500 tracts recto verso');
  await openBoard(a);
  boardUrl = a.url();
  await a
    .getByRole('region', { name: /À faire/ })
    .getByRole('button', { name: 'Ajouter une carte' })
    .click();
  const newCard = a.getByLabel('Titre de la nouvelle carte dans « À faire »');
  await newCard.fill(permit);
  await newCard.press('Enter');
  await newCard.fill(tracts);
  await newCard.press('Enter');
  await newCard.press('Escape');
  await expect(cardsIn(a, 'À faire')).toHaveCount(2);

  await b.goto(boardUrl);
  await expect(cardsIn(b, 'À faire')).toHaveCount(2);
  await mouseDrag(b, b.getByRole('listitem', { name: permit }), b.getByRole('list', { name: 'En cours', exact: true }));
  await expect(cardsIn(b, 'En cours').filter({ hasText: permit })).toHaveCount(1);
  await b.getByRole('button', { name: `Ouvrir la carte « ${permit} »` }).click();
  const dialog = b.getByRole('dialog', { name: 'Carte' });
  const step = canary('Déposer le dossier avant le 1er juillet');
  await dialog.getByPlaceholder('Nouvel élément').fill(step);
  await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(dialog.getByText(step)).toBeVisible();
  await shoot(b, 'story', '04-card-bob');
  await dialog.getByRole('button', { name: 'Fermer' }).last().click();

  // Alice never reloaded: the move and the checklist arrive on their own.
  const moved = cardsIn(a, 'En cours').filter({ hasText: permit });
  await expect(moved).toHaveCount(1);
  await expect(moved).toContainText('0/1');
  await expect(cardsIn(a, 'À faire')).toHaveCount(1);

  // Both pick up the same card with the keyboard (Space; Tab carries it from column to column)
  // and drop it in different columns at the same moment.
  for (const [p, column] of [
    [a, 'En cours'],
    [b, 'Fait'],
  ] as const) {
    await p.getByRole('listitem', { name: tracts }).focus();
    await p.keyboard.press('Space');
    for (let i = 0; i < 8 && (await cardsIn(p, column).filter({ hasText: tracts }).count()) === 0; i++) {
      await p.keyboard.press('Tab');
    }
    await expect(cardsIn(p, column).filter({ hasText: tracts })).toHaveCount(1);
  }
  await Promise.all([a.keyboard.press('Space'), b.keyboard.press('Space')]);
  for (const p of [a, b]) {
    await expect(p.getByRole('listitem', { name: tracts })).toHaveCount(1);
    await expect(cardsIn(p, 'À faire')).toHaveCount(0);
  }
  // …and the two boards agree on where it is.
  await expect
    .poll(async () => {
      const where = async (p: Page) =>
        (await cardsIn(p, 'En cours').filter({ hasText: tracts }).count()) > 0 ? 'En cours' : 'Fait';
      return (await where(a)) === (await where(b));
    })
    .toBe(true);
  await shoot(a, 'story', '05-board-alice');
});

test('3. A decision of the assembly addressed to Actions lands on its board, linking back to the minutes', async () => {
  const a = alice.page;
  const decision = canary('Organiser une marche pour la défense du service public hospitalier');
  await a.goto('/');
  await a.getByRole('link', { name: /Assemblée de coordination/ }).click();
  await a.getByRole('button', { name: 'Nouveau' }).click();
  await expect(a.getByRole('radio', { name: "Procès-verbal d'assemblée" })).toBeChecked();
  await a.getByRole('button', { name: 'Créer', exact: true }).click();
  await expect(a.getByRole('heading', { name: 'Ordre du jour' })).toBeVisible();
  const minutesUrl = a.url();
  const item3 = a.getByRole('listitem').filter({ has: a.getByLabel('Intitulé du point 3') });
  await item3.getByPlaceholder('Texte de la décision').fill(decision);
  await item3.getByRole('button', { name: 'Ajouter une décision' }).click();
  await item3.getByRole('checkbox', { name: 'Actions' }).check();
  await expect(item3.getByText('en attente').first()).toBeVisible();
  await expect(statusLine(a)).toHaveText('Chiffré · enregistré');
  await shoot(a, 'story', '06-minutes-decision');

  await openBoard(a);
  const decisions = a.getByRole('region', { name: /Décisions de l'assemblée/ });
  await expect(decisions.getByText(decision)).toBeVisible();
  // Bob, who is not in the assembly, sees the card arrive on the board he has open.
  await expect(bob.page.getByRole('region', { name: /Décisions de l'assemblée/ }).getByText(decision)).toBeVisible();
  await shoot(a, 'story', '07-board-decision');
  await a.getByRole('button', { name: `Ouvrir la carte « ${decision} »` }).click();
  const back = a.getByRole('dialog', { name: 'Carte' }).getByRole('link', { name: 'Voir le compte rendu' });
  await expect(back).toHaveAttribute('href', new URL(minutesUrl).pathname);
  await back.click();
  await expect(a).toHaveURL(minutesUrl);
  await expect(
    a
      .getByRole('listitem')
      .filter({ has: a.getByLabel('Intitulé du point 3') })
      .getByText('reçue'),
  ).toBeVisible();
});

test('4. Claire joins as observatrice: she reads, cannot edit, and the relay refuses a write forced from her page', async () => {
  const a = alice.page;
  const c = claire.page;
  await a.goto(actionsUrl);
  const link = await createInvite(a, /^Observateur/);
  await join(c, link, CLAIRE);
  await expect(c.getByRole('heading', { name: 'Actions', level: 1 })).toBeVisible();
  await expect(c.getByText('Vous êtes observateur·rice ici : lecture seule.')).toBeVisible();
  await expect(c.getByRole('button', { name: 'Nouveau' })).toBeDisabled();
  // Observers cannot write their profile; Alice's client records the name Claire announces.
  await expect(a.getByText(CLAIRE, { exact: true })).toBeVisible();
  await shoot(c, 'story', '08-atelier-claire');

  await a.goto(docUrl);
  await c.goto(docUrl);
  await expect(editor(c)).toContainText('Banderole et sono');
  await expect(editor(c)).toHaveAttribute('contenteditable', 'false');
  await expect(c.getByRole('button', { name: 'Gras' })).toBeDisabled();
  await expect(c.locator('#item-title')).toHaveCount(0);
  await shoot(c, 'story', '09-document-claire');

  // A modified page skips the app's own role check and edits the Y.Doc directly.
  const forced = canary('Texte forcé par une observatrice');
  /* eslint-disable @typescript-eslint/no-explicit-any -- reaching into the app's objects, as a modified page would */
  await c.evaluate((text) => {
    const client = window.__trame!.client as any;
    const item = client.openItems()[0];
    return client.openSpace(item.spaceId).then((space: any) => {
      space.session.state.canWrite = () => true;
      const fragment = item.session.doc.getXmlFragment('content');
      const heading = fragment.get(0);
      const paragraph = new heading.constructor('paragraph');
      paragraph.insert(0, [new (heading.get(0).constructor)(text)]);
      fragment.insert(fragment.length, [paragraph]);
    });
  }, forced);
  /* eslint-enable @typescript-eslint/no-explicit-any */
  await expect(editor(c)).toContainText(forced); // only in her own browser
  await expect(statusLine(c)).toHaveText(/Modification refusée par le serveur/);
  await shoot(c, 'story', '10-refused-claire');
  await a.waitForTimeout(1000);
  await expect(editor(a)).not.toContainText(forced);
  await a.reload();
  await expect(editor(a)).toContainText('Banderole et sono');
  await expect(editor(a)).not.toContainText(forced);
});

test('5. Bob goes offline, edits, comes back: Alice gets his edits once', async () => {
  const a = alice.page;
  const b = bob.page;
  await b.goto(docUrl);
  await expect(statusLine(b)).toHaveText('Chiffré · enregistré');
  await expect(editor(a)).toBeVisible();
  // Bob also has the board open in another tab.
  const board = await bob.context.newPage();
  await board.goto(boardUrl);
  await expect(statusLine(board)).toHaveText('Chiffré · enregistré');

  await bob.context.setOffline(true);
  await expect(statusLine(b)).toHaveText('Hors ligne — rien en attente');
  await expect(statusLine(board)).toHaveText('Hors ligne — rien en attente');
  const offlineCard = canary('Prévoir des gilets jaunes pour le service d’ordre');
  await board
    .getByRole('region', { name: /À faire/ })
    .getByRole('button', { name: 'Ajouter une carte' })
    .click();
  await board.getByLabel('Titre de la nouvelle carte dans « À faire »').fill(offlineCard);
  await board.getByLabel('Titre de la nouvelle carte dans « À faire »').press('Enter');
  await expect(statusLine(board)).toHaveText('Hors ligne — modifications en attente');
  await b.bringToFront();
  const offline = canary('Ajouté dans le train sans réseau');
  await editor(b).getByText('Banderole et sono').click();
  await b.keyboard.press('End');
  await b.keyboard.press('Enter');
  await b.keyboard.type(offline);
  await expect(statusLine(b)).toHaveText('Hors ligne — modifications en attente');
  await shoot(b, 'story', '11-offline-bob');
  await a.waitForTimeout(1000);
  await expect(editor(a)).not.toContainText(offline);

  // What Bob's browser keeps meanwhile is ciphertext only.
  const plainInCache = await b.evaluate(async (needle) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('trame-cache');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const values = await new Promise<unknown[]>((resolve) => {
      const req = db.transaction('entries').objectStore('entries').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    const bytes = new TextEncoder().encode(needle);
    const found = values.some((v) => {
      const hay = v as Uint8Array;
      outer: for (let i = 0; i + bytes.length <= hay.length; i++) {
        for (let j = 0; j < bytes.length; j++) if (hay[i + j] !== bytes[j]) continue outer;
        return true;
      }
      return false;
    });
    return { entries: values.length, found };
  }, 'Ajouté dans le train');
  expect(plainInCache.entries).toBeGreaterThan(0);
  expect(plainInCache.found).toBe(false);

  await bob.context.setOffline(false);
  await expect(statusLine(b)).toHaveText('Chiffré · enregistré');
  await expect(editor(a)).toContainText(offline);
  const count = async (p: Page) => ((await editor(p).textContent()) ?? '').split(offline).length - 1;
  expect(await count(a)).toBe(1);
  await a.waitForTimeout(500);
  expect(await count(a)).toBe(1);
  expect(await count(b)).toBe(1);
  // The card added offline on the board arrived too, once.
  await expect(statusLine(board)).toHaveText('Chiffré · enregistré');
  await board.close();
  await a.goto(boardUrl);
  await expect(cardsIn(a, 'À faire').filter({ hasText: offlineCard })).toHaveCount(1);
});

test('7. On a phone (390×844): open the atelier, edit the document, move a card', async ({ browser }, info) => {
  const name = canary('Dominique Ferrand');
  const dominique = await person(browser, String(info.project.use.baseURL), name, { phone: true });
  try {
    const a = alice.page;
    await a.goto(actionsUrl);
    const link = await createInvite(a, /^Membre/);
    const p = dominique.page;
    await join(p, link, name);
    await expect(p.getByRole('heading', { name: 'Actions', level: 1 })).toBeVisible();
    // Dominique is in Actions only: the home lists her ateliers.
    await p.getByRole('link', { name: 'Accueil' }).first().click();
    await expect(p.getByRole('heading', { name: 'Vos ateliers' })).toBeVisible();
    await shoot(p, 'story', '12-phone-home');
    await p.getByRole('link', { name: 'Actions', exact: true }).click();
    await expect(p.getByRole('heading', { name: 'Actions', level: 1 })).toBeVisible();
    await shoot(p, 'story', '13-phone-atelier');

    await a.goto(docUrl);
    await p.getByRole('link', { name: DOC_TITLE }).click();
    const phoneText = canary('Départ groupé depuis la gare à 9 h 30');
    await editor(p).getByText('Ajouté dans le train sans réseau').click();
    await p.keyboard.press('End');
    await p.keyboard.press('Enter');
    await p.keyboard.type(phoneText);
    await expect(statusLine(p)).toHaveText('Chiffré · enregistré');
    await expect(editor(a)).toContainText(phoneText);
    await shoot(p, 'story', '14-phone-document');

    await p.goto(boardUrl);
    const decisionsList = p.getByRole('list', { name: "Décisions de l'assemblée", exact: true });
    const card = decisionsList.getByRole('listitem').first();
    await expect(card).toBeVisible();
    const title = (await card.getAttribute('aria-label')) ?? '';
    await shoot(p, 'story', '15-phone-board');
    await p.waitForTimeout(300);
    await touchDrag(p, card, p.getByRole('list', { name: 'À faire', exact: true }));
    await expect(cardsIn(p, 'À faire').filter({ hasText: title })).toHaveCount(1);
    await expect(decisionsList.getByRole('listitem')).toHaveCount(0);
    await shoot(p, 'story', '16-phone-board-moved');
  } finally {
    await dominique.context.close();
  }
});

test('8. Alice removes Claire: the relay refuses her at once and her page says so', async () => {
  const a = alice.page;
  const c = claire.page;
  await c.goto(docUrl);
  await expect(editor(c)).toBeVisible();
  await a.goto(actionsUrl);
  await a.getByRole('link', { name: 'Gérer les membres et les invitations' }).click();
  a.once('dialog', (d) => void d.accept());
  await a.getByRole('button', { name: `Retirer ${CLAIRE}` }).click();
  await expect(a.getByText(CLAIRE, { exact: true })).toHaveCount(0);
  await expect(c.getByRole('heading', { name: "Vous n'avez plus accès à cet espace" })).toBeVisible();
  await shoot(c, 'story', '17-removed-claire');
  // A fresh load cannot get in either: the relay refuses her identity.
  await c.goto(actionsUrl);
  await expect(c.getByRole('heading', { name: "Vous n'avez plus accès à cet espace" })).toBeVisible();
});
