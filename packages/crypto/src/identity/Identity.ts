/**
 * A participant's identity: an Ed25519 signing key pair and its X25519 counterpart for
 * receiving sealed keys. Lives only on the client; the relay sees `publicKey` only.
 */
export interface Identity {
  /** Ed25519 public key (32 bytes): the identity's id everywhere. */
  publicKey: Uint8Array;
  /** Ed25519 secret key (64 bytes, libsodium layout). */
  secretKey: Uint8Array;
  /** X25519 public key derived from `publicKey`. */
  boxPublicKey: Uint8Array;
  /** X25519 secret key derived from `secretKey`. */
  boxSecretKey: Uint8Array;
}
