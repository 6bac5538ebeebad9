import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * `npm run bench:web`: loads the welcome, home and document routes of the real server in
 * Chromium on a throttled phone profile and prints bytes and times (see webBench.spec.ts).
 * Not a test: nothing is asserted about time.
 */
const PORT = Number(process.env.TRAME_BENCH_PORT ?? 8799);
process.env.TRAME_E2E_DIR ??= mkdtempSync(join(tmpdir(), 'trame-bench-web-'));
const dir = process.env.TRAME_E2E_DIR;
mkdirSync(join(dir, 'data'), { recursive: true });
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: '.',
  testMatch: /web(Bench|Profile)\.spec\.ts/,
  outputDir: '../test-results/bench',
  workers: 1,
  retries: 0,
  timeout: 900_000,
  reporter: [['list']],
  globalTeardown: '../e2e/support/globalTeardown.ts',
  use: {
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
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
  webServer: {
    command: 'node e2e/support/startServer.mjs',
    cwd: '..',
    url: `${baseURL}/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { TRAME_E2E_DIR: dir, PORT: String(PORT), TRAME_E2E_SKIP_BUILD: '1' },
  },
});
