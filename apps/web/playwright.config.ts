import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the real thing: `apps/server` (relay + built app on one port, SQLite
 * in a fresh temporary DATA_DIR), driven through Debian's Chromium (Playwright's own browser
 * download is not used). The config is also loaded by the worker processes; they inherit the
 * temporary directory chosen here through the environment.
 */
const PORT = Number(process.env.TRAME_E2E_PORT ?? 8791);
process.env.TRAME_E2E_DIR ??= mkdtempSync(join(tmpdir(), 'trame-e2e-'));
const dir = process.env.TRAME_E2E_DIR;
mkdirSync(join(dir, 'data'), { recursive: true });
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  globalTeardown: './e2e/support/globalTeardown.ts',
  use: {
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    // The collective's story: several people, each in their own browser context.
    { name: 'story', testMatch: 'story.spec.ts', use: { viewport: { width: 1280, height: 800 } } },
    // Every main screen, looked at on a phone and on a desktop.
    {
      name: 'phone',
      testMatch: 'screens.spec.ts',
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
    },
    { name: 'desktop', testMatch: 'screens.spec.ts', use: { viewport: { width: 1280, height: 800 } } },
    // Issue 14: compression, budgets, offline and installable, signed releases.
    { name: 'webapp', testMatch: 'webapp.spec.ts', use: { viewport: { width: 390, height: 844 } } },
    // Export and import of every item type, made in the browser.
    { name: 'exchange', testMatch: 'exchange.spec.ts', use: { viewport: { width: 1280, height: 800 } } },
    // Issue 15: history of documents and minutes, two people (HISTORY-1, HISTORY-2).
    { name: 'history', testMatch: 'history.spec.ts', use: { viewport: { width: 1280, height: 800 } } },
    // Issue 9: minutes in a real assembly, several people at once.
    { name: 'minutes', testMatch: /(minutes|reconnect)\.spec\.ts/, use: { viewport: { width: 1280, height: 800 } } },
    // Issue 13: one person, several devices; the locked device (a copy of the profile on disk).
    {
      name: 'devices',
      testMatch: /(^|\/)devices[A-Za-z]*\.spec\.ts$/,
      use: { viewport: { width: 1280, height: 800 } },
    },
    // Issue 10: pending invitations on the members page, revoked links (MEMBERSHIP-3).
    { name: 'invites', testMatch: 'invites.spec.ts', use: { viewport: { width: 1280, height: 800 } } },
    // Issue 10, MEMBERSHIP-4: removing a member renews the keys; documents move to the new one.
    { name: 'rotation', testMatch: 'rotation.spec.ts', use: { viewport: { width: 1280, height: 800 } } },
    // Last: the relay's disk and logs must hold none of what the people above typed.
    {
      name: 'blind-relay',
      testMatch: 'blindRelay.spec.ts',
      dependencies: [
        'story',
        'phone',
        'desktop',
        'webapp',
        'exchange',
        'history',
        'minutes',
        'devices',
        'invites',
        'rotation',
      ],
    },
  ],
  webServer: {
    // Builds (cached by turbo when `npm test` just built) and starts the real server.
    command: 'node e2e/support/startServer.mjs',
    url: `${baseURL}/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { TRAME_E2E_DIR: dir, PORT: String(PORT) },
  },
});
