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
    // WEBAPP-3: terser (two passes) makes the document route 7.9 KB smaller in brotli than
    // esbuild's minifier (352.2 → 344.2 KB, measured 2026-12-01), room for the history panel's
    // button; the build takes ~10 s longer.
    minify: 'terser',
    terserOptions: { compress: { passes: 2 }, format: { comments: false } },
    // Issue 14: on a phone every request costs a round trip (and HTTP/1.1 allows six at once):
    // chunks under 4 KB are merged into a neighbour. Not more: Rollup then also merges small
    // lazily loaded chunks into chunks every route loads (WEBAPP-3, document route, brotli:
    // 2 KB 351.9 KB in 40 files, 4 KB 349.7 KB in 30, 10 KB 363.8 KB in 26). Measured after the
    // BIP39 imports were destructured (recoveryKeys), which took SHA-512 off every route.
    rollupOptions: {
      output: {
        experimentalMinChunkSize: 4_000,
        // DEVICES-1: linking a device (pairing, key agreement, QR codes) is one chunk of its own,
        // loaded only when someone links a device: left to the 4 KB merging, a small shared chunk
        // was merged into its code and every route loaded it (document +3.8 KB). Only these
        // modules, not their dependencies (which every route already has).
        manualChunks: (id) =>
          /\/(?:packages\/(?:protocol|crypto|sync|workspace)\/(?:dist|src)\/pairing|node_modules\/qr)\//.test(id)
            ? 'pairing'
            : undefined,
        onlyExplicitManualChunks: true,
      },
    },
  },
  define: { __TRAME_RELEASE_PUBLIC_KEY__: JSON.stringify(releaseKey.publicKey) },
});
