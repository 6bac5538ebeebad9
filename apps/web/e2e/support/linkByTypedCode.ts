import { expect, type Page } from '@playwright/test';
import { shoot } from './shoot';

/**
 * DEVICES-1's typed-code linking, done the way a person does it: `account` (a page of the
 * browser that holds the account) opens Réglages → "Lier un autre appareil" and shows a code;
 * `device` (a fresh browser) opens the first screen, follows "J'ai déjà un compte sur un autre
 * appareil" and types the code (lower case, a space instead of the dash); both show the same
 * comparison code and the person confirms on both. Resolves when both say the link is done,
 * with the code and the comparison code. `shots` saves the screens under `devices/`.
 */
export async function linkByTypedCode(
  account: Page,
  device: Page,
  o: { shots?: boolean } = {},
): Promise<{ code: string; comparison: string }> {
  const shot = (page: Page, name: string) => (o.shots ? shoot(page, 'devices', name) : Promise.resolve());
  await account.goto('/settings');
  await account.getByRole('button', { name: 'Lier un autre appareil' }).click();
  const shown = account.getByTestId('link-code');
  await expect(shown).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(account.getByRole('img', { name: 'QR code de liaison' }).locator('svg')).toBeVisible();
  await shot(account, 'link-desktop-code');
  const code = (await shown.textContent())!.trim();

  await device.goto('/');
  await expect(device.getByRole('heading', { name: 'Bienvenue sur Trame' })).toBeVisible();
  await device.getByRole('link', { name: "J'ai déjà un compte sur un autre appareil" }).click();
  await expect(device.getByRole('heading', { name: 'Lier cet appareil à mon compte' })).toBeVisible();
  await device.getByLabel("Code affiché sur l'autre appareil").fill(code.toLowerCase().replace('-', ' '));
  await shot(device, 'link-phone-enter');
  await device.getByRole('button', { name: 'Continuer' }).click();

  const onAccount = account.getByTestId('link-comparison');
  await expect(onAccount).toHaveText(/^\d{3} \d{3}$/);
  const comparison = (await onAccount.textContent())!.trim();
  await expect(device.getByTestId('link-comparison')).toHaveText(comparison);
  await shot(account, 'link-desktop-compare');
  await shot(device, 'link-phone-compare');
  await device.getByRole('button', { name: 'Les codes sont identiques' }).click();
  await account.getByRole('button', { name: 'Les codes sont identiques' }).click();
  await expect(account.getByTestId('link-done')).toContainText('Appareil lié : ');
  await expect(device.getByTestId('link-done')).toContainText('Cet appareil est lié à votre compte.');
  // Once linked, the new device no longer shows how to start linking above the result.
  await expect(device.getByText("Sur l'appareil où vous avez déjà votre compte")).toHaveCount(0);
  await shot(account, 'link-desktop-done');
  await shot(device, 'link-phone-done');
  return { code, comparison };
}
