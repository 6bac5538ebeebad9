import { ByteWriter } from '../codec/ByteWriter.js';
import { PAIRING } from './PAIRING.js';
import type { PairingFrame } from './PairingFrame.js';

/** The bytes of a pairing frame (PROTOCOL.md §11.1). */
export function encodePairingFrame(frame: PairingFrame): Uint8Array {
  const w = new ByteWriter(frame.kind === 0x32 ? frame.payload.length + 2 : 16).u8(PAIRING.version).u8(frame.kind);
  switch (frame.kind) {
    case 0x30:
      return w.u8(frame.mode).fixed(frame.channel, PAIRING.channelIdBytes).finish();
    case 0x31:
      return w.fixed(frame.channel, PAIRING.channelIdBytes).u8(frame.peers).u32(frame.expiresInMs).finish();
    case 0x32:
      return w.bytes(frame.payload).finish();
    case 0x33:
      return w.u16(frame.code).finish();
  }
}
