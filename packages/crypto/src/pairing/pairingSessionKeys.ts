import { ByteWriter, PAIRING_DOMAIN, TrameError } from '@trame/protocol';
import { sodium } from '../sodium/sodium.js';

/** The two keys of a pairing channel, as one device uses them. */
export interface PairingSessionKeys {
  send: Uint8Array;
  receive: Uint8Array;
}

/**
 * R104: after the exchange, `shared = X25519(mySecret, peerKey)` and one key per direction:
 * `BLAKE2b-256(key = shared, "trame/v1/pair-key\0" ‖ transcript ‖ u8 direction)`, direction 1
 * creator → joiner, 2 joiner → creator. A peer key of small order (all-zero shared secret) is
 * refused (`MALFORMED_FRAME`).
 */
export function pairingSessionKeys(
  mySecret: Uint8Array,
  peerKey: Uint8Array,
  transcript: Uint8Array,
  iAmCreator: boolean,
): PairingSessionKeys {
  let shared: Uint8Array;
  try {
    shared = sodium.crypto_scalarmult(mySecret, peerKey);
  } catch (cause) {
    throw new TrameError('MALFORMED_FRAME', 'the peer pairing key is not a usable X25519 key', { cause });
  }
  if (shared.every((b) => b === 0)) throw new TrameError('MALFORMED_FRAME', 'the peer pairing key has small order');
  const derive = (direction: number): Uint8Array =>
    sodium.crypto_generichash(
      32,
      new ByteWriter(64).bytes(PAIRING_DOMAIN.key).fixed(transcript, 32).u8(direction).finish(),
      shared,
    );
  const creatorToJoiner = derive(1);
  const joinerToCreator = derive(2);
  shared.fill(0);
  return iAmCreator
    ? { send: creatorToJoiner, receive: joinerToCreator }
    : { send: joinerToCreator, receive: creatorToJoiner };
}
