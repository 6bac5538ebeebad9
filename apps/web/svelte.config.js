import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A static app: one shell (build/index.html) for every route, served with the hashed assets
    // by apps/server next to the relay, on the same origin. Brotli and gzip copies are made here,
    // once, so that the server only picks a file (apps/server/src/web/serveWebApp.ts).
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', precompress: true, strict: true }),
    // Registered by the app (src/lib/app/serviceWorker.svelte.ts), which follows its updates.
    serviceWorker: { register: false },
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
