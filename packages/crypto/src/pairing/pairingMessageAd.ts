import { ByteWriter, PAIRING_DOMAIN } from '@trame/protocol';

/** R104: associated data of the `seq`-th sealed message in one direction. */
export function pairingMessageAd(seq: number): Uint8Array {
  return new ByteWriter(32).bytes(PAIRING_DOMAIN.message).u32(seq).finish();
}
