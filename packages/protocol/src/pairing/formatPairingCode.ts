import { PAIRING } from './PAIRING.js';

/** Crockford's base 32 (no I, L, O, U): what a person reads on one screen and types on the other. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The typed code of a channel id (PROTOCOL.md §11.1): its 40 bits as 8 characters of
 * Crockford's base 32, in two groups of four, `K7QM-3XAD`.
 */
export function formatPairingCode(channel: Uint8Array): string {
  if (channel.length !== PAIRING.channelIdBytes) throw new RangeError('a channel id has 5 bytes');
  let bits = 0n;
  for (const b of channel) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 7; i >= 0; i--) out += CROCKFORD.charAt(Number((bits >> BigInt(i * 5)) & 31n));
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}
