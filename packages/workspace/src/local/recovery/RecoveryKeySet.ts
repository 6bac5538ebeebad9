/** What a recovery phrase derives (DEVICES-3, PROTOCOL.md §9). */
export interface RecoveryKeySet {
  /** Ed25519 public key: the backup's id at the relay (hex, 64 characters). */
  id: string;
  publicKey: Uint8Array;
  /** Ed25519 secret key: signs each new version of the backup. */
  secretKey: Uint8Array;
  /** XChaCha20-Poly1305 key of the backup. */
  key: Uint8Array;
}
