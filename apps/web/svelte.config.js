import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // build/handler.js is mounted by apps/server next to the relay, on the same origin.
    adapter: adapter({ out: 'build', precompress: false }),
    csp: {
      // Everything is served by our own origin; the relay is same-origin `ws(s)://<host>/ws`.
      // 'wasm-unsafe-eval' lets libsodium's WebAssembly run.
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['none'],
        'frame-ancestors': ['none'],
        'form-action': ['self'],
      },
    },
  },
};

export default config;
