import { expect, test, type Page } from '@playwright/test';
import { person, type Person } from './support/person';
import { OwnServer } from './support/ownServer';
import { createInvite, join, statusLine, welcome } from './support/steps';

/**
 * MINUTES-7 against a server of its own, which the test stops for 10 s and starts again: each
 * page counts the WebSockets it creates (an init script wraps the constructor).
 */
test.describe.configure({ mode: 'serial' });

const server = new OwnServer();
let dana: Person;
let eve: Person;
let minutesUrl = '';

test.afterAll(async () => {
  for (const p of [dana, eve]) await p?.context.close();
  await server.dispose();
});

/** Connections made and open so far by the page (see the init script below). */
const sockets = (p: Page) =>
  p.evaluate(() => ({ ...(window as unknown as { __ws: { made: number; open: number } }).__ws }));

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  await server.start();
  dana = await person(browser, server.baseURL, 'Dana');
  eve = await person(browser, server.baseURL, 'Eve');
  for (const p of [dana, eve]) {
    await p.context.addInitScript(() => {
      const Native = window.WebSocket;
      const ws = { made: 0, open: 0 };
      (window as unknown as { __ws: typeof ws }).__ws = ws;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          ws.made++;
          let opened = false;
          this.addEventListener('open', () => {
            opened = true;
            ws.open++;
          });
          this.addEventListener('close', () => {
            if (opened) ws.open--;
          });
        }
      };
    });
  }
  const d = dana.page;
  await d.goto('/');
  await welcome(d, 'Dana');
  await d.getByLabel('Nom du collectif').fill('Collectif de test');
  for (const box of await d.getByRole('checkbox').all()) await box.uncheck();
  await d.getByRole('button', { name: 'Créer le collectif' }).last().click();
  await d.getByRole('link', { name: /Assemblée de coordination/ }).click();
  await expect(d.getByRole('heading', { name: 'Assemblée de coordination', level: 1 })).toBeVisible();
  const assemblyUrl = d.url();
  await join(eve.page, await createInvite(d, /^Membre/), 'Eve');
  await d.goto(assemblyUrl);
  await d.getByRole('button', { name: 'Nouveau' }).click();
  await d.getByRole('button', { name: 'Créer', exact: true }).click();
  await expect(d.getByRole('heading', { name: 'Ordre du jour' })).toBeVisible();
  minutesUrl = d.url();
  await eve.page.goto(minutesUrl);
});

test('MINUTES-7: while the server is down for 10 s each connection retries at most 6 times, then all resync', async () => {
  const d = dana.page;
  const pages = [d, eve.page];
  for (const p of pages) await expect(statusLine(p)).toHaveText('Chiffré · enregistré');
  const before = await Promise.all(pages.map(sockets));
  await server.stop();
  const stopped = Date.now();
  for (const p of pages) await expect(statusLine(p)).toHaveText('Serveur injoignable — vos modifications sont gardées');
  const text = 'Écrit pendant la coupure du serveur.';
  await d.getByLabel('Discussion du point 1', { exact: true }).fill(text);
  await d.waitForTimeout(10_000 - (Date.now() - stopped));
  const after = await Promise.all(pages.map(sockets));
  pages.forEach((_, i) => {
    const perConnection = (after[i]!.made - before[i]!.made) / before[i]!.open;
    console.log(
      `MINUTES-7: page ${i}: ${before[i]!.open} connections, ${after[i]!.made - before[i]!.made} attempts in 10 s`,
    );
    expect(before[i]!.open).toBeGreaterThan(0);
    expect(perConnection).toBeLessThanOrEqual(6);
  });

  await server.start();
  // Dana's browser reports it is back online: her connections retry at once, not at the end
  // of their backoff (by now 4-8 s).
  await d.evaluate(() => dispatchEvent(new Event('online')));
  await expect(statusLine(d)).toHaveText('Chiffré · enregistré', { timeout: 3000 });
  await expect(statusLine(eve.page)).toHaveText('Chiffré · enregistré', { timeout: 30_000 });
  await expect(eve.page.getByLabel('Discussion du point 1', { exact: true })).toHaveValue(text);
});

test('MINUTES-4: (d) a server that does not answer is not "offline": the two are told apart', async () => {
  const d = dana.page;
  await expect(statusLine(d)).toHaveText('Chiffré · enregistré');
  await server.stop();
  await expect(statusLine(d)).toHaveText('Serveur injoignable — vos modifications sont gardées');
  await dana.context.setOffline(true);
  await expect(statusLine(d)).toHaveText(/Hors ligne/);
  await dana.context.setOffline(false);
  await expect(statusLine(d)).toHaveText('Serveur injoignable — vos modifications sont gardées');
  await server.start();
  await d.evaluate(() => dispatchEvent(new Event('online')));
  await expect(statusLine(d)).toHaveText('Chiffré · enregistré');
});
