import { sodium } from '../sodium/sodium.js';

/** A fresh X25519 key pair for one pairing exchange (R104); never stored, never reused. */
export function pairingKeyPair(): { publicKey: Uint8Array; secretKey: Uint8Array } {
  const kp = sodium.crypto_box_keypair();
  return { publicKey: kp.publicKey, secretKey: kp.privateKey };
}
