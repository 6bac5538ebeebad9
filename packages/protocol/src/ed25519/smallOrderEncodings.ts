/**
 * y-coordinates (little-endian, sign bit cleared) of the Ed25519 points of small order, as in
 * libsodium's `ge25519_has_small_order` blocklist: 0 (order 4), 1 (the neutral point), the two
 * order-8 values ±y8, p−1 (order 2), and the non-canonical p (= 0) and p+1 (= 1). Together with
 * the canonical-encoding check this covers every encoding of the eight torsion points.
 */
const hex = (h: string): Uint8Array => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));

export const SMALL_ORDER_ENCODINGS: readonly Uint8Array[] = [
  hex('0000000000000000000000000000000000000000000000000000000000000000'),
  hex('0100000000000000000000000000000000000000000000000000000000000000'),
  hex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'),
  hex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a'),
  hex('ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'),
  hex('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'),
  hex('eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'),
];
