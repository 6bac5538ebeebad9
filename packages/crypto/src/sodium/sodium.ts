import sodiumModule from 'libsodium-wrappers';

/** The libsodium instance; usable only after {@link ready} resolved. */
export const sodium = sodiumModule;

let readyPromise: Promise<void> | null = null;

/** Resolves once libsodium's WASM is loaded. Call (and await) before any other function here. */
export function ready(): Promise<void> {
  readyPromise ??= sodiumModule.ready;
  return readyPromise;
}
