import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { canary } from './support/canary';
import { shoot as save } from './support/shoot';

/** Screenshots go to e2e/screenshots/<phone|desktop>/. */
const shoot = (page: Page, info: TestInfo, name: string, fullPage = false): Promise<void> =>
  save(page, info.project.name, name, fullPage);

/**
 * A first animateur sets up the collective and walks through every main screen: welcome,
 * creation, home, atelier, document, board, minutes with a decision sent to two ateliers,
 * the decision arriving on an atelier board and its progress showing back in the minutes,
 * members and invites, settings. Navigation is by clicks only, as a person would.
 */
test('set up the collective and use every main screen', async ({ page }, info) => {
  const phone = info.project.name === 'phone';
  canary(
    'Léa Roussel',
    'Karim Benali',
    'Maison des associations, Nîmes',
    'Manifestation du 22',
    'trouver trois avocat·es',
  );
  canary('Rédiger la fiche « droits du manifestant »', 'Contacter la Ligue des droits', 'Trouver le bon contact');
  canary(
    'Proposition : tenir une permanence juridique',
    'Organiser une permanence juridique le 22',
    'Prévenir les ateliers',
  );
  canary('Média / Marketing', 'Communication', 'Sécurité', 'Informatique', 'Formation');
  await page.goto('/');

  // first visit
  await expect(page.getByRole('heading', { name: 'Bienvenue sur Trame' })).toBeVisible();
  await expect(page.getByText('le serveur ne voit que des données illisibles')).toBeVisible();
  await shoot(page, info, '01-welcome');
  await page.getByLabel('Votre nom dans le collectif').fill('Léa Roussel');
  await page.getByRole('button', { name: 'Continuer' }).click();

  // create the collective
  await expect(page.getByRole('heading', { name: 'Créer le collectif' })).toBeVisible();
  await page.getByLabel('Nom du collectif').fill('Convergence Citoyenne Du Sud');
  await page.getByRole('checkbox', { name: 'Partenariat' }).uncheck();
  await shoot(page, info, '02-setup', true);
  await page.getByRole('button', { name: 'Créer le collectif' }).last().click();

  // home
  await expect(page.getByRole('heading', { name: 'Convergence Citoyenne Du Sud' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Juridique' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Partenariat' })).toHaveCount(0);
  await shoot(page, info, '03-home');
  await shoot(page, info, '03-home-full', true);

  // put an atelier to rest and back
  await page.getByRole('button', { name: 'Actions pour « Formation »' }).click();
  await page.getByRole('button', { name: 'Mettre au repos' }).click();
  await expect(page.getByRole('heading', { name: 'Ateliers au repos' })).toBeVisible();

  // atelier page
  await page.getByRole('link', { name: 'Juridique' }).click();
  await expect(page.getByRole('heading', { name: 'Juridique', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: "Tableau de l'atelier" })).toBeVisible();
  await shoot(page, info, '04-atelier');

  // new document from a template
  await page.getByRole('button', { name: 'Nouveau' }).click();
  await page.getByRole('radio', { name: /^Fiche action/ }).check();
  await shoot(page, info, '05-new-item');
  await page.getByRole('button', { name: 'Créer', exact: true }).click();
  const editor = page.getByRole('textbox', { name: /Contenu de/ });
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('heading', { name: 'Fiche action' })).toBeVisible();
  await editor.locator('p').first().click();
  await page.keyboard.type('Manifestation du 22 : permanence juridique sur place.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('[ ] trouver trois avocat·es');
  await expect(page.getByText('Chiffré · enregistré')).toBeVisible();
  await shoot(page, info, '06-document');

  // board
  await page.getByRole('navigation', { name: "Fil d'Ariane" }).getByRole('link', { name: 'Juridique' }).click();
  await page.getByRole('link', { name: "Tableau de l'atelier" }).click();
  const todo = page.getByRole('region', { name: /À faire/ });
  await todo.getByRole('button', { name: 'Ajouter une carte' }).click();
  await page
    .getByLabel('Titre de la nouvelle carte dans « À faire »')
    .fill('Rédiger la fiche « droits du manifestant »');
  await page.keyboard.press('Enter');
  await page.getByLabel('Titre de la nouvelle carte dans « À faire »').fill('Contacter la Ligue des droits');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Ouvrir la carte « Contacter la Ligue des droits »' }).click();
  const dialog = page.getByRole('dialog', { name: 'Carte' });
  await dialog.getByLabel('Étiquettes').fill('partenaires, urgent');
  await dialog.getByLabel('Étiquettes').blur();
  await dialog.getByRole('checkbox', { name: 'Léa Roussel' }).check();
  await dialog.getByPlaceholder('Nouvel élément').fill('Trouver le bon contact');
  await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await dialog.getByLabel('Colonne').selectOption({ label: 'En cours' });
  await shoot(page, info, '07-card');
  await dialog.getByRole('button', { name: 'Fermer' }).last().click();
  await expect(page.getByRole('region', { name: /En cours/ }).getByText('Contacter la Ligue des droits')).toBeVisible();
  await shoot(page, info, '08-board');

  // keyboard drag and drop: Space picks up, Tab carries the card to the next column, Space drops
  const doing = page.getByRole('region', { name: /En cours/ });
  await page.getByRole('listitem', { name: 'Rédiger la fiche « droits du manifestant »' }).focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < 6 && (await doing.getByText('Rédiger la fiche').count()) === 0; i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Space');
  await expect(doing.getByText('Rédiger la fiche')).toBeVisible();
  await expect(doing.getByRole('listitem', { name: 'Contacter la Ligue des droits' })).toBeVisible();

  // assembly minutes with a decision for two ateliers
  await page.getByRole('link', { name: 'Accueil' }).first().click();
  await page.getByRole('link', { name: /Assemblée de coordination/ }).click();
  await page.getByRole('button', { name: 'Nouveau' }).click();
  await expect(page.getByRole('radio', { name: "Procès-verbal d'assemblée" })).toBeChecked();
  await page.getByRole('button', { name: 'Créer', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Ordre du jour' })).toBeVisible();
  await page.getByLabel('Lieu').fill('Maison des associations, Nîmes');
  await page.getByLabel('Lieu').blur();
  await page.getByPlaceholder('Ajouter une personne').fill('Léa Roussel');
  await page.getByRole('button', { name: 'Présent·e', exact: true }).click();
  await page.getByPlaceholder('Ajouter une personne').fill('Karim Benali');
  await page.getByRole('button', { name: 'Excusé·e', exact: true }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, info, '09-minutes');
  await page
    .getByLabel('Discussion du point 3')
    .fill('Proposition : tenir une permanence juridique pendant la manifestation du 22.');
  const item3 = page.getByRole('listitem').filter({ has: page.getByLabel('Intitulé du point 3') });
  await item3.getByPlaceholder('Texte de la décision').fill('Organiser une permanence juridique le 22');
  await item3.getByRole('button', { name: 'Ajouter une décision' }).click();
  await item3.getByRole('checkbox', { name: 'Juridique' }).check();
  await item3.getByRole('checkbox', { name: 'Sécurité' }).check();
  await expect(item3.getByText('en attente').first()).toBeVisible();
  await item3.getByPlaceholder('Action').fill('Prévenir les ateliers');
  await item3.getByPlaceholder('Qui').fill('Léa Roussel');
  await item3.getByRole('button', { name: 'Ajouter une action' }).click();
  await item3.getByLabel('Texte de la décision').first().scrollIntoViewIfNeeded();
  await shoot(page, info, '09-minutes-decision');

  // the decision arrives on the Juridique board and its progress shows in the minutes
  await page.getByRole('link', { name: 'Accueil' }).first().click();
  await page.getByRole('link', { name: 'Juridique' }).click();
  await page.getByRole('link', { name: "Tableau de l'atelier" }).click();
  const decisions = page.getByRole('region', { name: /Décisions de l'assemblée/ });
  await expect(decisions.getByText('Organiser une permanence juridique le 22')).toBeVisible();
  await shoot(page, info, '10-board-decision');
  await page.getByRole('button', { name: 'Ouvrir la carte « Organiser une permanence juridique le 22 »' }).click();
  await page.getByRole('dialog', { name: 'Carte' }).getByLabel('Colonne').selectOption({ label: 'En cours' });
  await page.getByRole('dialog', { name: 'Carte' }).getByRole('link', { name: 'Voir le compte rendu' }).click();
  await expect(page.getByText('en cours · En cours')).toBeVisible();
  // Léa belongs to Sécurité too: her minutes delivered the decision to its board (MINUTES-5).
  await expect(page.getByText('reçue', { exact: true })).toBeVisible();

  // members and invites
  await page
    .getByRole('navigation', { name: "Fil d'Ariane" })
    .getByRole('link', { name: 'Assemblée de coordination' })
    .click();
  await page.getByRole('link', { name: 'Gérer les membres et les invitations' }).click();
  await page.getByRole('radio', { name: /^Observateur/ }).check();
  await page.getByLabel('Validité du lien').selectOption('1d');
  await page.getByRole('button', { name: 'Créer le lien' }).click();
  const link = page.getByLabel("Lien d'invitation");
  await expect(link).toHaveValue(/\/join#[A-Za-z0-9_-]{20,}(\.[A-Za-z0-9_-]+)?$/);
  await shoot(page, info, '11-members');

  // settings
  await page.getByRole('link', { name: 'Réglages' }).click();
  await expect(page.getByRole('heading', { name: 'Réglages' })).toBeVisible();
  await shoot(page, info, '12-settings');
  // No button in Réglages sticks out of its panel (long French labels on a phone).
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll('main button, main a.btn')]
      .filter((b) => {
        const box = (b.closest('.panel') ?? document.documentElement).getBoundingClientRect();
        return b.getBoundingClientRect().right > box.right + 0.5;
      })
      .map((b) => b.textContent?.trim()),
  );
  expect(outside).toEqual([]);
  if (phone) {
    const create = page.getByRole('button', { name: 'Créer ma phrase de récupération' });
    await create.scrollIntoViewIfNeeded();
    await shoot(page, info, '12-settings-recovery');
  }
});

test('the interface is available in English', async ({ page }, info) => {
  await page.addInitScript(() => localStorage.setItem('PARAGLIDE_LOCALE', 'en'));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Trame' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Your name in the collective').fill('Sam');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Create the collective' })).toBeVisible();
  // the collective's own atelier names stay French; descriptions are translated
  await expect(page.getByRole('checkbox', { name: 'Juridique' })).toBeChecked();
  await expect(page.getByText("Knows members' rights")).toBeVisible();
  await shoot(page, info, '13-setup-en');
});

test('skip link and keyboard focus are visible', async ({ page }, info) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Bienvenue sur Trame' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Votre nom dans le collectif')).toBeFocused();
  await shoot(page, info, '14-focus');
});
