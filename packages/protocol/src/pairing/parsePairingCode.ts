import { CROCKFORD } from './formatPairingCode.js';
import { PAIRING } from './PAIRING.js';

const ALIASES: Record<string, string> = { I: '1', L: '1', O: '0' };

/**
 * The channel id in what a person typed or a camera read: the code alone (`k7qm 3xad`, any
 * case, spaces or dashes), or a link to the app ending in `#K7QM-3XAD` (the QR code's text).
 * Letters people confuse are read as Crockford's base 32 does (I and L as 1, O as 0). Null when
 * it is not 8 such characters.
 */
export function parsePairingCode(text: string): Uint8Array | null {
  const hash = text.lastIndexOf('#');
  const raw = (hash >= 0 ? text.slice(hash + 1) : text).toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== 8) return null;
  let bits = 0n;
  for (const ch of raw) {
    const v = CROCKFORD.indexOf(ALIASES[ch] ?? ch);
    if (v < 0) return null;
    bits = (bits << 5n) | BigInt(v);
  }
  const out = new Uint8Array(PAIRING.channelIdBytes);
  for (let i = out.length - 1; i >= 0; i--) {
    out[i] = Number(bits & 255n);
    bits >>= 8n;
  }
  return out;
}
