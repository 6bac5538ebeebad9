import { defineConfig } from 'vitest/config';

// Unit tests cover plain TypeScript helpers of the web app; they need neither SvelteKit nor the
// paraglide compiler (whose project watcher would keep vitest from exiting). Screens are
// covered by the Playwright tests in e2e/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
