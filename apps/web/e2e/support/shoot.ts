import type { Page } from '@playwright/test';

/** Saves a screenshot under e2e/screenshots/<folder>/<name>.png (git-ignored) for people to look at. */
export async function shoot(page: Page, folder: string, name: string, fullPage = false): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/screenshots/${folder}/${name}.png`, fullPage });
}
