import type { Locator, Page } from '@playwright/test';

/** Drags `card` onto the column list `target` with the mouse (svelte-dnd-action). */
export async function mouseDrag(page: Page, card: Locator, target: Locator): Promise<void> {
  // Like a person, not within milliseconds of the cards appearing: svelte-dnd-action wires
  // freshly rendered cards after its 120 ms flip animation.
  await page.waitForTimeout(300);
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('card or column not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 20, { steps: 12 });
  // svelte-dnd-action notices which column is under the card by polling (every 100-200 ms):
  // hover there a moment, as a hand does, before letting go.
  await page.waitForTimeout(400);
  await page.mouse.up();
}
