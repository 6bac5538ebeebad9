import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fastUnmask } from './fastUnmask.js';

/**
 * ADR 0011: puts {@link fastUnmask} in place of the byte-at-a-time unmasking of `ws` (no native
 * `bufferutil`). `ws`'s receiver takes `unmask` from its `lib/buffer-util.js` when it loads, so
 * this must run before `ws` is loaded, and a static `import` cannot ensure that: Node runs the
 * CommonJS modules of an ES module graph (`ws` is one) before any ES module of that graph. The
 * server's entry point (`apps/server/src/main.ts`) therefore imports only this module (the
 * package's `./fast-unmask` export) statically, calls it, then imports the relay dynamically.
 * Returns whether the fast version is in use; false (and nothing changed) if `ws` was loaded
 * already, brings its own fast path (`bufferutil`, or Node's `websocketUnmask`), or is laid out
 * differently: frames are then unmasked by `ws` as before, only slower.
 */
export function installFastUnmask(): boolean {
  if (installed !== null) return installed;
  installed = false;
  try {
    const require = createRequire(import.meta.url);
    const lib = join(dirname(require.resolve('ws')), 'lib');
    const receiver = join(lib, 'receiver.js');
    if (require.cache[receiver]) return installed;
    const util = require(join(lib, 'buffer-util.js')) as { unmask?: { length: number; name: string } };
    // ws's own byte loop is named `_unmask`; anything else is a fast path already.
    if (typeof util.unmask !== 'function' || util.unmask.name !== '_unmask') return installed;
    (util as { unmask: typeof fastUnmask }).unmask = fastUnmask;
    installed = true;
  } catch {
    // Another layout of ws: leave it as it is.
  }
  return installed;
}

let installed: boolean | null = null;
