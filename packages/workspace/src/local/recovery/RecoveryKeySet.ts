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

/**
 * What a recovery phrase derives (ADR 0008 point 5): the **person backup**'s keys (written once,
 * when the phrase is saved: it holds the person key's secret) and, in `profile`, the **profile
 * backup**'s keys (the spaces, pins, name; rewritten whenever they change). Devices keep only
 * `profile`: neither the phrase nor the person backup's keys stay on any device.
 */
export interface RecoveryKeys extends RecoveryKeySet {
  profile: RecoveryKeySet;
}
