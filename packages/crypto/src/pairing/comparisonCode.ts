import { concatBytes, PAIRING_DOMAIN } from '@trame/protocol';
import { sha256 } from '../hash/sha256.js';

/**
 * R104: the short comparison code both screens show, from the transcript: the first 32 bits of
 * `SHA-256("trame/v1/pair-comparison\0" ‖ transcript)` modulo 10^6, as `123 456`. A relay that
 * substituted keys faces two transcripts it could not steer (the commitment fixes its key to the
 * joiner before it sees the joiner's key; the creator's key is revealed after it chose its key to
 * the creator), so the codes agree by chance only: one in a million per attempt.
 */
export function comparisonCode(transcript: Uint8Array): string {
  const h = sha256(concatBytes(PAIRING_DOMAIN.comparison, transcript));
  const n = new DataView(h.buffer, h.byteOffset, 4).getUint32(0) % 1_000_000;
  const s = n.toString().padStart(6, '0');
  return `${s.slice(0, 3)} ${s.slice(3)}`;
}
