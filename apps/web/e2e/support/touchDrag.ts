import type { Locator, Page } from '@playwright/test';

/**
 * Drags `card` onto the column list `target` with a finger (Chrome DevTools touch events), the
 * way it is done on a phone: press and hold (a quick swipe scrolls instead), slide to the edge
 * of the board so that it scrolls, back to the middle once the target column is there, hover
 * a moment, lift.
 */
export async function touchDrag(page: Page, card: Locator, target: Locator): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const width = page.viewportSize()?.width ?? 390;
  const mid = width / 2;
  const start = await card.boundingBox();
  if (!start) throw new Error('card not on screen');
  let x = start.x + start.width / 2;
  let y = start.y + start.height / 2;
  const touch = (type: string): Promise<unknown> =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  const glide = async (tx: number, ty: number): Promise<void> => {
    const [sx, sy] = [x, y];
    for (let i = 1; i <= 4; i++) {
      x = sx + ((tx - sx) * i) / 4;
      y = sy + ((ty - sy) * i) / 4;
      await touch('touchMove');
    }
  };
  await touch('touchStart');
  await page.waitForTimeout(300);
  for (let i = 0; i < 40; i++) {
    const box = await target.boundingBox();
    if (!box) throw new Error('target column not found');
    await glide(mid, box.y + 24);
    const now = (await target.boundingBox())!;
    if (now.x < mid - 40 && now.x + now.width > mid + 40) break;
    // Near an edge the board scrolls; back in the middle it stops.
    await glide(now.x > mid ? width - 30 : 30, now.y + 24);
    await page.waitForTimeout(60);
  }
  // svelte-dnd-action notices the column under the card by polling: hover before lifting.
  await page.waitForTimeout(400);
  await touch('touchEnd');
  await cdp.detach();
}
