import type { Browser, BrowserContext, Page } from '@playwright/test';

/** One person of a scenario, with their own browser profile (identity, IndexedDB). */
export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * A fresh browser context for `name`, in French, with the app's test hook on
 * (`window.__trame`, see src/lib/debug/exposeDebugHook.ts). `baseURL` comes from the config.
 */
export async function person(
  browser: Browser,
  baseURL: string,
  name: string,
  o: { phone?: boolean } = {},
): Promise<Person> {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: o.phone ? PHONE : DESKTOP,
    ...(o.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : {}),
  });
  await context.addInitScript(() => {
    (window as unknown as { __TRAME_E2E__: boolean }).__TRAME_E2E__ = true;
  });
  const page = await context.newPage();
  return { name, context, page };
}
