import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { canary } from './support/canary';
import { shoot } from './support/shoot';
import { editor, welcome } from './support/steps';

const OUT = 'e2e/screenshots/exchange';

async function bytesOf(download: Download): Promise<Uint8Array> {
  return new Uint8Array(readFileSync(await download.path()));
}

/** Exporter → `label`, and the downloaded file. */
async function exportAs(page: Page, label: string): Promise<{ name: string; bytes: Uint8Array }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter', exact: true }).click();
  await page.getByRole('button', { name: label }).click();
  const d = await download;
  return { name: d.suggestedFilename(), bytes: await bytesOf(d) };
}

/** The page printed to PDF by headless Chromium (the print stylesheet applies), kept and looked at. */
async function printed(page: Page, name: string): Promise<Buffer> {
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `${name}.pdf`), pdf);
  // A PNG of the first page to look at, where poppler is installed (not asserted on).
  if (existsSync('/usr/bin/pdftoppm'))
    execFileSync('/usr/bin/pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      join(OUT, `${name}.pdf`),
      join(OUT, name),
    ]);
  return pdf;
}

/** What the print stylesheet shows and hides, read from the page rendered for print. */
async function printView(page: Page): Promise<Record<string, boolean>> {
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => {
    const visible = (sel: string): boolean =>
      [...document.querySelectorAll(sel)].some(
        (el) => getComputedStyle(el).display !== 'none' && (el as HTMLElement).offsetParent !== null,
      );
    return {
      header: visible('header.bar'),
      toolbar: visible('[role="toolbar"]'),
      exportButton: visible('.export-menu'),
      editor: visible('.ProseMirror'),
      sheet: visible('.print-sheet'),
    };
  });
  await page.emulateMedia({ media: null });
  return shown;
}

test('EXPORT-1 EXPORT-2 EXPORT-3 IMPORT-1 IMPORT-2: import Markdown and a CryptPad kanban, export each item type and the space', async ({
  page,
}) => {
  const collective = canary('Collectif des Exports');
  const md = [
    '# Notes de la legal team',
    '',
    'Numéro **à retenir** : voir [le site](https://example.org/legal).',
    '',
    '- [x] Imprimer les fiches',
    '- [ ] Trouver une avocate',
    '',
    '| Qui | Quoi |',
    '| --- | --- |',
    '| Inès | Permanence |',
    '',
  ].join('\n');
  canary(
    'Notes de la legal team',
    'Imprimer les fiches',
    'Trouver une avocate',
    'Permanence',
    'Déclarer la manif en préfecture',
    'Trouver une sono',
  );
  await page.goto('/');
  await welcome(page, 'Inès Export');
  await page.getByLabel('Nom du collectif').fill(collective);
  for (const name of [
    'Média / Marketing',
    'Communication',
    'Actions',
    'Sécurité',
    'Informatique',
    'Partenariat',
    'Formation',
  ])
    await page.getByRole('checkbox', { name }).uncheck();
  await page.getByRole('button', { name: 'Créer le collectif' }).last().click();
  await page.getByRole('link', { name: 'Juridique' }).click();
  await expect(page.getByRole('heading', { name: 'Juridique', level: 1 })).toBeVisible();

  await shoot(page, 'exchange', 'space-page');

  // IMPORT-1: a Markdown file becomes a new document with its structure
  await page
    .locator('#import-file')
    .setInputFiles({ name: 'Notes legal team.md', mimeType: 'text/markdown', buffer: Buffer.from(md) });
  await expect(editor(page).getByRole('heading', { name: 'Notes de la legal team', level: 1 })).toBeVisible();
  await expect(editor(page).getByRole('link', { name: 'le site' })).toBeVisible();
  await expect(editor(page).getByRole('checkbox', { name: /Imprimer les fiches/ })).toBeChecked();
  await expect(editor(page).getByRole('checkbox', { name: /Trouver une avocate/ })).not.toBeChecked();
  await expect(editor(page).getByRole('cell', { name: 'Permanence' })).toBeVisible();
  await expect(page.getByText('Chiffré · enregistré')).toBeVisible();

  await page.getByRole('button', { name: 'Exporter', exact: true }).click();
  await shoot(page, 'exchange', 'export-menu');
  await page.keyboard.press('Escape');

  // EXPORT-1: document → .odt, Markdown, HTML, PDF
  const odt = await exportAs(page, 'LibreOffice (.odt)');
  expect(odt.name).toBe('Notes legal team.odt');
  const content = strFromU8(unzipSync(odt.bytes)['content.xml']!);
  expect(content).toContain('text:outline-level="1">Notes de la legal team</text:h>');
  expect(content).toContain('xlink:href="https://example.org/legal"');
  const mdOut = strFromU8((await exportAs(page, 'Markdown (.md)')).bytes);
  expect(mdOut).toContain('# Notes de la legal team');
  expect(mdOut).toContain('- [x] Imprimer les fiches');
  expect(mdOut).toMatch(/\| Inès +\| Permanence +\|/);
  const html = strFromU8((await exportAs(page, 'Page web (.html)')).bytes);
  expect(html).toContain('<h1>Notes de la legal team</h1>');
  expect(await printView(page)).toMatchObject({ header: false, toolbar: false, exportButton: false, editor: true });
  await printed(page, 'document');

  // IMPORT-2: a CryptPad kanban export becomes a board with columns, cards, tags and colours
  await page.getByRole('navigation', { name: "Fil d'Ariane" }).getByRole('link', { name: 'Juridique' }).click();
  await page.locator('#import-file').setInputFiles('e2e/fixtures/cryptpad-kanban.json');
  await expect(page.getByRole('region', { name: /En cours/ }).getByText('Trouver une sono')).toBeVisible();
  const todo = page.getByRole('region', { name: /À faire/ });
  await expect(todo.getByText('Déclarer la manif en préfecture')).toBeVisible();
  await expect(todo.getByText('urgent')).toBeVisible();
  await expect(page.getByRole('region', { name: /^Fait/ }).getByText('Ouvrir le pad')).toBeVisible();

  // EXPORT-2: board → CSV, JSON, Markdown
  const csv = strFromU8((await exportAs(page, 'Tableur (.csv)')).bytes);
  expect(csv).toContain('Colonne,Titre,Description,Étiquettes,Couleur');
  expect(csv).toMatch(
    /^À faire,Déclarer la manif en préfecture,Trois jours avant \*\*au plus tard\*\*\.,"(legal, urgent|urgent, legal)",#b91c1c,/m,
  );
  const json = JSON.parse(strFromU8((await exportAs(page, 'JSON (.json)')).bytes));
  expect(json.columns.map((c: { title: string }) => c.title)).toEqual(['À faire', 'En cours', 'Fait']);
  expect(strFromU8((await exportAs(page, 'Markdown (.md)')).bytes)).toContain('## En cours');

  // EXPORT-2: minutes → compte rendu in Markdown, .odt and PDF
  await page.getByRole('navigation', { name: "Fil d'Ariane" }).getByRole('link', { name: 'Juridique' }).click();
  await page.getByRole('button', { name: 'Nouveau' }).click();
  await page.getByRole('dialog').getByRole('radio', { name: 'Compte rendu', exact: true }).check();
  await page.getByRole('dialog').getByLabel('Titre', { exact: true }).fill('Réunion juridique');
  await page.getByRole('dialog').getByRole('button', { name: 'Créer', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Ordre du jour' })).toBeVisible();
  await page.getByLabel('Lieu').fill(canary('Local de la rue Vieille'));
  await page.getByLabel('Lieu').blur();
  const minutesMd = strFromU8((await exportAs(page, 'Markdown (.md)')).bytes);
  expect(minutesMd).toContain('**Lieu :** Local de la rue Vieille');
  expect(minutesMd).toContain('## Ordre du jour');
  const minutesOdt = strFromU8(unzipSync((await exportAs(page, 'LibreOffice (.odt)')).bytes)['content.xml']!);
  expect(minutesOdt).toContain('Local de la rue Vieille');
  // PDF: the print dialog is stubbed; what it would print is the compte rendu sheet alone.
  await page.evaluate(() => {
    window.print = () => {
      (window as unknown as { __printed: number }).__printed = 1;
    };
  });
  await page.getByRole('button', { name: 'Exporter', exact: true }).click();
  await page.getByRole('button', { name: 'PDF (imprimer)' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __printed?: number }).__printed)).toBe(1);
  await expect(page.locator('.print-sheet h2', { hasText: 'Ordre du jour' })).toHaveCount(1);
  expect(await printView(page)).toMatchObject({ header: false, sheet: true });
  await printed(page, 'minutes');

  // EXPORT-3: the animateur exports the whole space
  await page.getByRole('navigation', { name: "Fil d'Ariane" }).getByRole('link', { name: 'Juridique' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: "Exporter l'espace" }).click();
  const zip = unzipSync(await bytesOf(await download));
  const structure = JSON.parse(strFromU8(zip['structure.json']!));
  expect(structure.space.name).toBe('Juridique');
  const titles = structure.items.map((i: { title: string }) => i.title).sort();
  expect(titles).toEqual(['cryptpad-kanban', 'Notes legal team', 'Réunion juridique', "Tableau de l'atelier"].sort());
  expect(strFromU8(zip['documents/Notes legal team.md']!)).toContain('# Notes de la legal team');
  expect(Object.keys(zip)).toContain('tableaux/cryptpad-kanban.csv');
  expect(Object.keys(zip)).toContain('comptes-rendus/Réunion juridique.odt');
  await expect(page.getByText(/Espace exporté : 4 éléments/)).toBeVisible();
});
