import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // Integration tests start real relays and real sockets: one file at a time keeps the
    // 2-core CI machine from timing out under load.
    fileParallelism: false,
  },
});
