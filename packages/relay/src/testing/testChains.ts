import { toHex } from '@trame/protocol';
import { storedChainLink } from '../checks/storedChainLink.js';

/**
 * Test support for R50/R80: the chain link of every UPDATE built by `buildUpdate`, keyed by
 * (space, document, snapshot, author, clock), so that the next one built chains to it (and a
 * snapshot lists it) without each test threading links by hand.
 */
const links = new Map<string, Uint8Array>();

function key(
  spaceId: Uint8Array,
  docId: Uint8Array,
  snapshotId: Uint8Array,
  author: Uint8Array,
  clock: number,
): string {
  return `${toHex(spaceId)}:${toHex(docId)}:${toHex(snapshotId)}:${toHex(author)}:${clock}`;
}

/** The link of the update built last with these coordinates, if any. */
export function builtLink(
  spaceId: Uint8Array,
  docId: Uint8Array,
  snapshotId: Uint8Array,
  author: Uint8Array,
  clock: number,
): Uint8Array | undefined {
  return links.get(key(spaceId, docId, snapshotId, author, clock));
}

/** Records a built update's link. */
export function recordBuilt(
  spaceId: Uint8Array,
  docId: Uint8Array,
  snapshotId: Uint8Array,
  author: Uint8Array,
  clock: number,
  raw: Uint8Array,
): void {
  links.set(key(spaceId, docId, snapshotId, author, clock), storedChainLink(raw));
}
