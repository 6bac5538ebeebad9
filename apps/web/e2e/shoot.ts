import type { Page, TestInfo } from '@playwright/test';

/** Saves a screenshot under e2e/screenshots/<project>/<name>.png for people to look at. */
export async function shoot(page: Page, info: TestInfo, name: string, fullPage = false): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/screenshots/${info.project.name}/${name}.png`, fullPage });
}
