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
    // chunks under 2 KB are merged into a neighbour. Not more: Rollup then also merges small
    // lazily loaded chunks (BIP39 word lists, 13-17 KB) into chunks every route loads
    // (measured with WEBAPP-3: +10 KB on the document route at 10 KB and at 50 KB). At 2 KB:
    // welcome / home / document 151 / 226 / 354 KB in 22 / 40 / 40 files (64 / 60 without).
    rollupOptions: { output: { experimentalMinChunkSize: 2_000 } },
  },
  define: { __TRAME_RELEASE_PUBLIC_KEY__: JSON.stringify(releaseKey.publicKey) },
});
