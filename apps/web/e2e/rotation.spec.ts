import { expect, test, type Page } from '@playwright/test';
import { canary } from './support/canary';
import { person, type Person } from './support/person';
import { shoot } from './support/shoot';
import { createCollective, createInvite, createItem, editor, join, welcome } from './support/steps';

/**
 * MEMBERSHIP-4 in the app: an animatrice removes someone; the members page says the space's keys
 * were renewed and shows the documents moving to the new key until all have; then she renews the
 * keys by hand. Each person in their own browser context, against the real server.
 */
test.describe.configure({ mode: 'serial' });

const COLLECTIVE = canary('Collectif Rotation Des Clés', 'Actions');
const ALICE = 'Alice Rotation';
const CLAIRE = 'Claire Rotation';
const DOC_TITLE = canary('Plan de repli juridique');
const TEXT = canary('Avocate de permanence le samedi.');

let alice: Person;
let claire: Person;

test.beforeAll(async ({ browser }, info) => {
  const base = String(info.project.use.baseURL);
  alice = await person(browser, base, ALICE);
  claire = await person(browser, base, CLAIRE);
});

test.afterAll(async () => {
  for (const p of [alice, claire]) await p?.context.close();
});

async function openActions(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Actions', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Actions', level: 1 })).toBeVisible();
}

test('MEMBERSHIP-4: removing a member renews the keys, and the members page shows every document moving to the new key; "Renouveler les clés" by hand', async () => {
  const a = alice.page;
  await a.goto('/');
  await welcome(a, ALICE);
  await createCollective(a, COLLECTIVE);
  await openActions(a);
  const actionsUrl = a.url();
  await createItem(a, { type: 'Document', title: DOC_TITLE });
  await expect(editor(a)).toBeVisible();
  await editor(a).click();
  await a.keyboard.type(TEXT);
  await expect(editor(a)).toContainText(TEXT);
  const docUrl = a.url();

  await a.goto(actionsUrl);
  const link = await createInvite(a, /^Membre/);
  const c = claire.page;
  await join(c, link, CLAIRE);
  await expect(c.getByRole('heading', { name: 'Actions', level: 1 })).toBeVisible();
  await expect(a.getByText(CLAIRE, { exact: true })).toBeVisible();

  a.once('dialog', (d) => void d.accept());
  await a.getByRole('button', { name: `Retirer ${CLAIRE}` }).click();
  const notice = a.getByTestId('key-rotation');
  await expect(notice).toContainText(`${CLAIRE} a été retiré·e de l'espace et les clés ont été renouvelées`);
  await expect(a.getByTestId('key-rotation-progress')).toHaveText(
    /Tous les documents \(\d+\) sont passés à la nouvelle clé\./,
    {
      timeout: 60_000,
    },
  );
  await shoot(a, 'rotation', '01-removed-keys-renewed');
  await expect(a.getByText(CLAIRE, { exact: true })).toHaveCount(0);
  await expect(c.getByRole('heading', { name: "Vous n'avez plus accès à cet espace" })).toBeVisible();

  // By hand, for a lost or suspect device.
  a.once('dialog', (d) => void d.accept());
  await a.getByRole('button', { name: 'Renouveler les clés' }).click();
  await expect(notice).toContainText("Les clés de l'espace ont été renouvelées.");
  await expect(a.getByTestId('key-rotation-progress')).toHaveText(
    /Tous les documents \(\d+\) sont passés à la nouvelle clé\./,
    {
      timeout: 60_000,
    },
  );
  await shoot(a, 'rotation', '02-keys-renewed-by-hand');

  // History is still readable under the new keys.
  await a.goto(docUrl);
  await expect(editor(a)).toContainText(TEXT);
});
