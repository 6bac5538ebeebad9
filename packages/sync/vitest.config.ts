import { defineConfig } from 'vitest/config';

// Only the sources' tests: a stray `tsc` without --noEmit leaves compiled copies in dist/ that
// would run against newer code.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
  },
});
