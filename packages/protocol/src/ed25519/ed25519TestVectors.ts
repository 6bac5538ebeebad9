import { fromHex } from '../util/hex.js';

/**
 * Inputs both verifiers must refuse (R36), shared by the tests of `@trame/crypto` (libsodium)
 * and `@trame/relay` (node:crypto) so that the two sides are checked against the same bytes.
 */
export const ED25519_TEST_VECTORS = {
  /** The neutral point (x = 0, y = 1) as a public key. */
  neutralKey: fromHex('01' + '00'.repeat(31)),
  /** R = neutral point, S = 0: under the neutral key a lax verifier accepts it for any message. */
  neutralSignature: fromHex('01' + '00'.repeat(63)),
  /** A point of order 8 as a public key. */
  order8Key: fromHex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'),
  /** RFC 8032 §7.1 test 1: a valid key, message (empty) and signature. */
  rfc8032: {
    publicKey: fromHex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'),
    message: new Uint8Array(0),
    signature: fromHex(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    ),
  },
} as const;
