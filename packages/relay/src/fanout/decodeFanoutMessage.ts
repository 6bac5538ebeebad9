import { FANOUT_HEADER_BYTES } from './encodeFanoutMessage.js';
import type { FanoutMessage } from './FanoutMessage.js';

const TYPES: ReadonlyArray<FanoutMessage['type'] | undefined> = [
  undefined,
  'frame',
  'reference',
  'ephemeral',
  'revoke',
];

/** Parses a message of `encodeFanoutMessage`; null for anything else (it is then ignored). */
export function decodeFanoutMessage(bytes: Buffer): FanoutMessage | null {
  if (bytes.length < FANOUT_HEADER_BYTES || bytes[0] !== 1) return null;
  const type = TYPES[bytes[1]!];
  if (!type) return null;
  return {
    type,
    origin: bytes.subarray(2, 10),
    seq: bytes.readUInt32BE(10) * 2 ** 32 + bytes.readUInt32BE(14),
    raw: bytes.subarray(FANOUT_HEADER_BYTES),
  };
}
