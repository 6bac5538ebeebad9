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
    // Issue 14: on a phone every request costs a round trip (and HTTP/1.1 allows six at once),
    // and small files compress worse: chunks under 50 KB are merged into a neighbour where
    // Rollup can do so without changing what runs. Measured with WEBAPP-3 (brotli, JS + WASM):
    // welcome / home / document 155 / 219 / 347 KB in 14 / 19 / 19 files; without merging
    // 35 / 36 files for home / document; at 10 KB 156 / 222 / 350 KB.
    rollupOptions: { output: { experimentalMinChunkSize: 50_000 } },
  },
  define: { __TRAME_RELEASE_PUBLIC_KEY__: JSON.stringify(releaseKey.publicKey) },
});
