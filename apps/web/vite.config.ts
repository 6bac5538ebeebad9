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
    // chunks under 10 KB are merged into a neighbour. Measured with WEBAPP-3 (brotli, after
    // the client and sync engine left the layout): welcome 154 KB in 16 files, home 221 KB in
    // 24, document 349 KB in 24; at 1.5 KB: 153/220/348 KB in 21/36/35 files.
    rollupOptions: { output: { experimentalMinChunkSize: 10_000 } },
  },
  define: { __TRAME_RELEASE_PUBLIC_KEY__: JSON.stringify(releaseKey.publicKey) },
});
