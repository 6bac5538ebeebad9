import { expect, test } from '@playwright/test';
import { canary } from './support/canary';
import { person, type Person } from './support/person';
import { shoot } from './support/shoot';
import { createCollective, welcome } from './support/steps';

/**
 * MEMBERSHIP-3 in the app: the members page lists pending invitations (role, expiry, who made
 * them) with "Révoquer"; an animateur link cannot be "never"; a revoked link says so on the
 * join screen, before a name is asked.
 */
const COLLECTIVE = canary('Collectif des Invitations');
const ALICE = 'Alice Invitante';

let alice: Person;

test.afterAll(async () => {
  await alice?.context.close();
});

test('MEMBERSHIP-3: pending invitations are listed with role, expiry and inviter; "Révoquer" ends the link', async ({
  browser,
}, info) => {
  const base = String(info.project.use.baseURL);
  alice = await person(browser, base, ALICE);
  const a = alice.page;
  await a.goto('/');
  await welcome(a, ALICE);
  await createCollective(a, COLLECTIVE);
  await a.getByRole('link', { name: 'Actions', exact: true }).click();
  await a.getByRole('link', { name: 'Gérer les membres et les invitations' }).click();
  await expect(a.getByRole('heading', { name: 'Invitations en attente (0)' })).toBeVisible();
  await expect(a.getByText('Aucune invitation en attente.')).toBeVisible();

  // R77: 7 days by default; an animateur link offers no "never".
  const expiry = a.getByLabel('Validité du lien');
  await expect(expiry).toHaveValue('7d');
  await a.getByRole('radio', { name: /^Animateur/ }).check();
  await expect(expiry.locator('option')).toHaveText(['1 heure', '24 heures', '7 jours']);
  await a.getByRole('radio', { name: /^Membre/ }).check();
  await expect(expiry.locator('option', { hasText: 'Sans limite' })).toHaveCount(1);

  await a.getByRole('button', { name: 'Créer le lien' }).click();
  const field = a.getByLabel("Lien d'invitation");
  await expect(field).toHaveValue(/\/join#/);
  const link = await field.inputValue();

  await expect(a.getByRole('heading', { name: 'Invitations en attente (1)' })).toBeVisible();
  const row = a.locator('li[data-invite]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Membre');
  await expect(row).toContainText('expire le');
  await expect(row).toContainText(`créée par ${ALICE}`);
  await shoot(a, 'invites', 'pending-invitation');

  a.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: /^Révoquer l'invitation/ }).click();
  await expect(a.getByRole('heading', { name: 'Invitations en attente (0)' })).toBeVisible();
  await expect(a.locator('li[data-invite]')).toHaveCount(0);

  // The revoked link, opened by someone else, says so before a name is asked.
  const bob = await person(browser, base, 'Bob');
  try {
    await bob.page.goto(link);
    await expect(bob.page.getByRole('alert')).toContainText('a été révoqué');
    await expect(bob.page.getByRole('heading', { name: 'Bienvenue sur Trame' })).toBeVisible();
  } finally {
    await bob.context.close();
  }
});
