import { ByteWriter } from '../codec/ByteWriter.js';
import type { PairingMessage } from './PairingMessage.js';

/** The bytes of one end-to-end pairing message (PROTOCOL.md §11.3). */
export function encodePairingMessage(m: PairingMessage): Uint8Array {
  const w = new ByteWriter(m.type === 0x04 ? m.ciphertext.length + 25 : 34).u8(m.type);
  switch (m.type) {
    case 0x01:
      return w.u8(m.side).fixed(m.commitment, 32).finish();
    case 0x02:
      return w.u8(m.side).fixed(m.key, 32).finish();
    case 0x03:
      return w.fixed(m.key, 32).finish();
    case 0x04:
      return w.fixed(m.nonce, 24).bytes(m.ciphertext).finish();
  }
}
