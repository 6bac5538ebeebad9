import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { libsodiumWasmFile } from './vite-plugins/libsodiumWasmFile';

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
  build: { target: 'es2022' },
});
