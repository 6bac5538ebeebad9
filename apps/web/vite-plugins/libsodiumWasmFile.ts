import type { Plugin } from 'vite';

/** libsodium 0.8.4's ESM build (pinned exactly in packages/crypto): what this plugin rewrites. */
const LIBSODIUM_ESM = /[\\/]libsodium[\\/]dist[\\/]modules-esm[\\/]libsodium\.mjs$/;
/** Start of the expression that decodes the embedded base64 WebAssembly into `F`. */
const DECODE_START = 'F??=(A=>{';
/** The base64 of a WebAssembly module starts with "\0asm" = "AGFzbQ". */
const WASM_BASE64_START = '"AGFzbQ';
/** Where Emscripten compiles the bytes it got. */
const INSTANTIATE = 'return await WebAssembly.instantiate(C,g)';

/**
 * libsodium.js ships its WebAssembly as a 296 KB base64 string inside the JavaScript: it cannot
 * be compiled while it downloads, it compresses worse than the binary and it is parsed as a
 * string first. This build step takes the bytes out into a hashed `libsodium.<hash>.wasm` file
 * and makes Emscripten compile it with `WebAssembly.instantiateStreaming` (the server sends
 * `application/wasm`; if a proxy does not, the bytes are fetched and compiled the old way).
 *
 * The rewrite is exact-text on a pinned version: if libsodium changes shape the build fails
 * here rather than silently shipping the base64 again.
 */
export function libsodiumWasmFile(): Plugin {
  return {
    name: 'trame:libsodium-wasm-file',
    apply: 'build',
    enforce: 'pre',
    transform(code, id, options) {
      if (options?.ssr || !LIBSODIUM_ESM.test(id)) return null;
      const literal = code.indexOf(WASM_BASE64_START);
      const start = code.lastIndexOf(DECODE_START, literal);
      const end = code.indexOf('"', literal + 1);
      if (literal < 0 || start < 0 || literal - start > 400 || end < 0 || code.indexOf(INSTANTIATE) < 0) {
        this.error(
          'libsodium.mjs does not have the expected shape (pinned 0.8.4): update vite-plugins/libsodiumWasmFile.ts',
        );
      }
      if (code[end + 1] !== ')') this.error('libsodium.mjs: unexpected text after the embedded WebAssembly');
      const wasm = Buffer.from(code.slice(literal + 1, end), 'base64');
      if (wasm.readUInt32LE(0) !== 0x6d736100) this.error('libsodium.mjs: the embedded string is not WebAssembly');
      const ref = this.emitFile({ type: 'asset', name: 'libsodium.wasm', source: wasm });
      const loader = [
        'async function __trameSodiumWasm(imports) {',
        `  const url = import.meta.ROLLUP_FILE_URL_${ref};`,
        '  try {',
        '    return await WebAssembly.instantiateStreaming(fetch(url), imports);',
        '  } catch (e) {',
        '    if (!(e instanceof TypeError)) throw e;',
        '    return WebAssembly.instantiate(await (await fetch(url)).arrayBuffer(), imports);',
        '  }',
        '}',
      ].join('\n');
      const rewritten =
        code.slice(0, start) +
        'F??=new Uint8Array(0)' +
        code
          .slice(end + 2)
          .replace(INSTANTIATE, 'return await (C.length?WebAssembly.instantiate(C,g):__trameSodiumWasm(g))');
      return { code: `${loader}\n${rewritten}`, map: null };
    },
  };
}
