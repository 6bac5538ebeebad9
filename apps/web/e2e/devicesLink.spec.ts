import { expect, test } from '@playwright/test';
import { canary } from './support/canary';
import { person } from './support/person';
import { shoot } from './support/shoot';
import { welcome } from './support/steps';

/**
 * Issue 13, DEVICES-1: linking a device (PROTOCOL.md §11). Alice's desktop shows a code, her
 * phone (390×844) types it, both show the same comparison code and she confirms on both; the
 * phone then holds her spaces and writes as Alice, and Bob sees one Alice.
 */
canary('Assemblée de coordination');

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
