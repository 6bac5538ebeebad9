import { bytesEqual, toHex, TrameError, type AuthorClock } from '@trame/protocol';
import { storedChainLink } from './storedChainLink.js';

/**
 * R81 (INTEGRITY-4): a SNAPSHOT that passed R25 lists, next to each author's last clock, the
 * link of that stored update (`lastUpdates`: author hex → the stored frame). A snapshot thus
 * commits to each author's position on the parent, as the relay stores it; otherwise
 * `CHAIN_MISMATCH`.
 */
export function checkSnapshotLinks(clocks: readonly AuthorClock[], lastUpdates: ReadonlyMap<string, Uint8Array>): void {
  for (const c of clocks) {
    const stored = lastUpdates.get(toHex(c.author));
    if (stored && c.link && bytesEqual(c.link, storedChainLink(stored))) continue;
    throw new TrameError(
      'CHAIN_MISMATCH',
      `lists another link than the stored update ${c.clock} of ${toHex(c.author).slice(0, 12)}`,
    );
  }
}
