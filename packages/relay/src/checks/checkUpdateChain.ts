import { bytesEqual, toHex, TrameError, ZERO_HASH, type UpdateFrame } from '@trame/protocol';

/**
 * R80 (INTEGRITY-4): an UPDATE accepted by R20 must chain to what the relay stores: its
 * `prevLink` is the link of the author's stored update with the previous clock on the same
 * snapshot (`previousLink`, {@link storedChainLink} of that frame; null for clock 1), zeros for clock 1. Otherwise `CHAIN_MISMATCH`, and
 * nothing is stored: a client whose chain is off (it lost or forged a link) reloads. So no
 * stored chain is ever broken by its own author's connection; a break a reader sees is the
 * relay's doing, or a member's colluding with it (R51).
 */
export function checkUpdateChain(previousLink: Uint8Array | null, frame: UpdateFrame): void {
  const expected = frame.clock > 1 && previousLink ? previousLink : ZERO_HASH;
  if (bytesEqual(frame.prevLink, expected)) return;
  throw new TrameError(
    'CHAIN_MISMATCH',
    `update ${frame.clock} of ${toHex(frame.author).slice(0, 12)} does not chain to the stored update ${frame.clock - 1}`,
  );
}
