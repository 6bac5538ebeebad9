import { bytesEqual, TrameError, ZERO_HASH } from '@trame/protocol';

/**
 * R50: an UPDATE names, as `prevLink`, the chain link of its author's previous UPDATE on the
 * same snapshot (zeros for the first). `last` is the link this client computed for that
 * previous update, undefined if it holds none. A mismatch means an update of this author was
 * dropped, replaced or forged (`CHAIN_BROKEN`).
 */
export function checkChainLink(
  update: { author: string; clock: number; prevLink: Uint8Array },
  last: Uint8Array | undefined,
): TrameError | null {
  const expected = last ?? ZERO_HASH;
  if (bytesEqual(update.prevLink, expected)) return null;
  return new TrameError(
    'CHAIN_BROKEN',
    `author ${update.author.slice(0, 12)}: update ${update.clock} does not chain to the previous one`,
    {
      author: update.author,
    },
  );
}
