/**
 * R71: where a sealed key bundle belongs. `crypto_box_seal` has no associated data, so the
 * plaintext carries this and the recipient checks it: a bundle copied into another entry, for
 * another recipient or epoch, or from another space is refused.
 */
export interface KeyBundleContext {
  spaceId: Uint8Array;
  /** seq of the membership entry that carries the bundle. */
  seq: number;
  /** Ed25519 public key the bundle is sealed to. */
  recipient: Uint8Array;
  /** The carrying entry's epoch (for a ROTATE, the epoch it opens). */
  epoch: number;
}
