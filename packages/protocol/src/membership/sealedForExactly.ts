import type { MembershipFrame } from '../frames/types.js';
import { toHex } from '../util/hex.js';

/**
 * R32a/R122/R123: the entry carries exactly one non-empty bundle per recipient listed, and no
 * other. Pure.
 */
export function sealedForExactly(entry: MembershipFrame, recipients: readonly Uint8Array[]): boolean {
  const wanted = new Set(recipients.map(toHex));
  if (wanted.size !== recipients.length || entry.sealedKeys.length !== wanted.size) return false;
  for (const s of entry.sealedKeys) {
    if (s.sealed.length === 0 || !wanted.delete(toHex(s.recipient))) return false;
  }
  return wanted.size === 0;
}
