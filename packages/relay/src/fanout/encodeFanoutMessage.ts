import type { FanoutMessage } from './FanoutMessage.js';

const VERSION = 1;
// Instances that predate a type ignore its messages (decodeFanoutMessage returns null).
const TYPES = { frame: 1, reference: 2, ephemeral: 3, revoke: 4 } as const;
/** version u8 ‖ type u8 ‖ origin[8] ‖ seq as u32 high ‖ u32 low. */
export const FANOUT_HEADER_BYTES = 18;

/** Bytes of a {@link FanoutMessage}; the frame is copied once, after an 18-byte header. */
export function encodeFanoutMessage(m: FanoutMessage): Buffer {
  if (m.origin.length !== 8) throw new Error('origin must be 8 bytes');
  const out = Buffer.allocUnsafe(FANOUT_HEADER_BYTES + m.raw.length);
  out[0] = VERSION;
  out[1] = TYPES[m.type];
  out.set(m.origin, 2);
  out.writeUInt32BE(Math.floor(m.seq / 2 ** 32), 10);
  out.writeUInt32BE(m.seq % 2 ** 32, 14);
  out.set(m.raw, FANOUT_HEADER_BYTES);
  return out;
}
