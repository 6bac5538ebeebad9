import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { libsodiumWasmFile } from './vite-plugins/libsodiumWasmFile';
import { loadReleaseKey } from './release/releaseKey.mjs';

/** The key the service worker pins on first install (release/signRelease.mjs signs with it). */
const releaseKey = loadReleaseKey();

export default defineConfig({
  plugins: [
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/lib/paraglide',
      // French unless the person picked English in the settings (remembered on the device).
      strategy: ['localStorage', 'baseLocale'],
    }),
    libsodiumWasmFile(),
    sveltekit(),
  ],
  build: {
    target: 'es2022',
    // Issue 14: on a phone every request costs a round trip (and HTTP/1.1 allows six at once):
    // chunks under 1.5 KB (helpers shared by a few routes) are merged into a neighbour. Measured
    // with WEBAPP-3: 5-7 files fewer per route for +0.5 KB on the welcome route; a larger
    // threshold (3 KB, 10 KB) pushed the welcome route to its 200 KB budget.
    rollupOptions: { output: { experimentalMinChunkSize: 1_500 } },
  },
  define: { __TRAME_RELEASE_PUBLIC_KEY__: JSON.stringify(releaseKey.publicKey) },
});
