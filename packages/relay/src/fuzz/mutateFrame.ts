/** A seeded generator (mulberry32): a fuzz run is reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One fuzz input: random bytes, or a valid frame from `seeds` mutated one to four times (bit
 * flips, bytes set to 0x00/0xff/random, truncation, extension, a slice copied elsewhere, the
 * version or kind byte changed). Mutated valid frames reach deep into the parser; random ones
 * test its first checks.
 */
export function mutateFrame(seeds: readonly Uint8Array[], rand: () => number): Uint8Array {
  const int = (n: number): number => Math.floor(rand() * n);
  if (rand() < 0.1) {
    const out = new Uint8Array(int(200));
    for (let i = 0; i < out.length; i++) out[i] = int(256);
    return out;
  }
  let out = Uint8Array.from(seeds[int(seeds.length)]!);
  const rounds = 1 + int(4);
  for (let r = 0; r < rounds; r++) {
    const at = out.length === 0 ? 0 : int(out.length);
    switch (int(8)) {
      case 0:
        if (out.length) out[at] = out[at]! ^ (1 << int(8));
        break;
      case 1:
        if (out.length) out[at] = [0, 0xff, int(256)][int(3)]!;
        break;
      case 2:
        out = out.slice(0, at);
        break;
      case 3: {
        const extra = new Uint8Array(1 + int(64));
        for (let i = 0; i < extra.length; i++) extra[i] = int(256);
        const grown = new Uint8Array(out.length + extra.length);
        grown.set(out);
        grown.set(extra, out.length);
        out = grown;
        break;
      }
      case 4: {
        // A length-like field: four bytes set to a small, huge or random value.
        if (out.length >= 4) {
          const v = [0, 1, 0xffffffff, int(0x10000), out.length][int(5)]!;
          const p = int(out.length - 3);
          new DataView(out.buffer, out.byteOffset).setUint32(p, v);
        }
        break;
      }
      case 5:
        if (out.length > 1) out[0] = int(4);
        break;
      case 6:
        if (out.length > 1) out[1] = int(0x30);
        break;
      default: {
        if (out.length > 8) {
          const from = int(out.length - 4);
          const len = 1 + int(Math.min(32, out.length - from));
          out.set(out.slice(from, from + len), int(out.length - len));
        }
      }
    }
  }
  return out;
}
