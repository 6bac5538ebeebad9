/**
 * Random bytes from the platform CSPRNG. Used for nonces and ids instead of libsodium's
 * `randombytes_buf`, which is very slow under WASM.
 */
export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  // getRandomValues fills at most 65,536 bytes per call
  for (let o = 0; o < n; o += 65536) globalThis.crypto.getRandomValues(out.subarray(o, Math.min(n, o + 65536)));
  return out;
}
