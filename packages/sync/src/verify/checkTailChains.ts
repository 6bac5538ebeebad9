import { bytesEqual, TrameError, ZERO_HASH } from '@trame/protocol';

/** What the chain rules need of one UPDATE of a tail. */
export interface ChainEntry {
  author: string;
  clock: number;
  prevLink: Uint8Array;
  /** Its own chain link (R50). */
  link: Uint8Array;
  signed: boolean;
}

export interface TailChainsResult {
  /** Indexes of updates not to apply: the unsigned ones of a broken chain segment. */
  skip: Set<number>;
  errors: TrameError[];
}

/**
 * R50/R51 over a whole tail, before anything is applied. Per author, the updates must chain
 * (each `prevLink` is the previous update's link, starting from `held`, the link of the last
 * update this client already holds, zeros if none). A signature covers the unsigned updates
 * before it only through an unbroken chain, so where the chain breaks, the unsigned updates
 * since the author's last signed one cannot be attributed: they are skipped and the author is
 * reported (`CHAIN_BROKEN`). The chain then continues from the update after the break.
 */
export function checkTailChains(
  updates: readonly ChainEntry[],
  held: ReadonlyMap<string, Uint8Array>,
): TailChainsResult {
  const skip = new Set<number>();
  const errors: TrameError[] = [];
  const last = new Map<string, Uint8Array>(held);
  const sinceSigned = new Map<string, number[]>();
  updates.forEach((u, i) => {
    const expected = last.get(u.author) ?? ZERO_HASH;
    const pending = sinceSigned.get(u.author) ?? [];
    if (!bytesEqual(u.prevLink, expected)) {
      for (const j of pending) skip.add(j);
      errors.push(
        new TrameError(
          'CHAIN_BROKEN',
          `author ${u.author.slice(0, 12)}: update ${u.clock} does not chain to the previous one`,
          {
            author: u.author,
            skipped: pending.length,
          },
        ),
      );
      pending.length = 0;
    }
    last.set(u.author, u.link);
    if (u.signed) pending.length = 0;
    else pending.push(i);
    sinceSigned.set(u.author, pending);
  });
  return { skip, errors };
}
