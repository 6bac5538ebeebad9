/** Which side of a link a device is: it has the person's account, or it is the new device. */
export const LinkSide = {
  HasAccount: 1,
  NewDevice: 2,
} as const;

export type LinkSide = (typeof LinkSide)[keyof typeof LinkSide];

/**
 * What the two devices say to each other inside DATA frames (PROTOCOL.md §11.3). The relay
 * never parses these.
 */
export type PairingMessage =
  /** The channel's creator commits to its X25519 key before seeing the other's. */
  | { type: 0x01; side: LinkSide; commitment: Uint8Array }
  /** The joiner's X25519 key. */
  | { type: 0x02; side: LinkSide; key: Uint8Array }
  /** The creator reveals the key it committed to. */
  | { type: 0x03; key: Uint8Array }
  /** Everything after: XChaCha20-Poly1305 under the direction's key. */
  | { type: 0x04; nonce: Uint8Array; ciphertext: Uint8Array };
