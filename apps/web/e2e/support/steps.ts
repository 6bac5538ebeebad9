import { expect, type Locator, type Page } from '@playwright/test';
import { canary } from './canary';

/** The first visit: pick a display name (the identity is created on this device). */
export async function welcome(page: Page, name: string): Promise<void> {
  canary(name);
  await expect(page.getByRole('heading', { name: 'Bienvenue sur Trame' })).toBeVisible();
  await page.getByLabel('Votre nom dans le collectif').fill(name);
  await page.getByRole('button', { name: 'Continuer' }).click();
}

/** "Créer le collectif" with its name, every default atelier kept; lands on the home screen. */
export async function createCollective(page: Page, collectiveName: string): Promise<void> {
  canary(collectiveName);
  await expect(page.getByRole('heading', { name: 'Créer le collectif' })).toBeVisible();
  await page.getByLabel('Nom du collectif').fill(collectiveName);
  await page.getByRole('button', { name: 'Créer le collectif' }).last().click();
  await expect(page.getByRole('heading', { name: collectiveName })).toBeVisible({ timeout: 60_000 });
}

/** From an atelier (or assembly) page: an invite link for `role` ('Membre', 'Observateur·rice'…). */
export async function createInvite(page: Page, role: RegExp): Promise<string> {
  await page.getByRole('link', { name: 'Gérer les membres et les invitations' }).click();
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: 'Créer le lien' }).click();
  const link = page.getByLabel("Lien d'invitation");
  await expect(link).toHaveValue(/\/join#[A-Za-z0-9_-]{40,}(\.[A-Za-z0-9_-]+)?$/);
  return link.inputValue();
}

/** A newcomer opens an invite link, picks a name and lands in the space. */
export async function join(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await welcome(page, name);
}

/** From a space page: a new item of `type` ('Document', 'Tableau', …) from `template`, titled `title`. */
export async function createItem(page: Page, o: { type?: string; template?: RegExp; title: string }): Promise<void> {
  canary(o.title);
  await page.getByRole('button', { name: 'Nouveau' }).click();
  const dialog = page.getByRole('dialog');
  if (o.type) await dialog.getByRole('radio', { name: o.type, exact: true }).check();
  if (o.template) await dialog.getByRole('radio', { name: o.template }).check();
  await dialog.getByLabel('Titre', { exact: true }).fill(o.title);
  await dialog.getByRole('button', { name: 'Créer', exact: true }).click();
}

/** The open item's status line. */
export function statusLine(page: Page): Locator {
  return page.locator('main [role="status"][data-state]').first();
}

/** The rich-text editor of the open document. */
export function editor(page: Page): Locator {
  return page.getByRole('textbox', { name: /Contenu de/ });
}
