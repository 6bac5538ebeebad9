import type { SealedKey } from '../frames/types.js';
import { toHex } from '../util/hex.js';

/**
 * R70: a ROTATE carries exactly one non-empty bundle per identity that keeps access after it
 * (members and pending invites, hex keys): none missing, none extra, none twice. Returns why
 * not, or null when it does. Pure.
 */
export function rotationRecipientsError(
  sealedKeys: readonly SealedKey[],
  remaining: ReadonlySet<string>,
): string | null {
  const seen = new Set<string>();
  for (const s of sealedKeys) {
    const id = toHex(s.recipient);
    if (seen.has(id)) return 'ROTATE seals two bundles to one recipient';
    if (!remaining.has(id)) return 'ROTATE seals a bundle to someone who does not keep access';
    if (s.sealed.length === 0) return 'ROTATE carries an empty bundle';
    seen.add(id);
  }
  if (seen.size !== remaining.size)
    return `ROTATE seals ${seen.size} bundles for ${remaining.size} remaining identities`;
  return null;
}
