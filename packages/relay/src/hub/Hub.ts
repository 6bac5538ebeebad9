import type { Peer } from './Peer.js';
import { roomKey } from './roomKey.js';

/**
 * Who is connected where. Every open socket is tracked (for pings and shutdown); a connection
 * joins its space and document rooms once authenticated, before its initial state is read
 * (R13), so that nothing accepted meanwhile can be missed.
 */
export class Hub<P extends Peer> {
  private readonly tracked = new Set<P>();
  // A room with one connection holds it directly: most documents are open in one tab, and a
  // Set per idle connection is a fifth of what the relay keeps for it.
  private readonly spaces = new Map<string, P | Set<P>>();
  private readonly documents = new Map<string, P | Set<P>>();

  track(peer: P): void {
    this.tracked.add(peer);
  }

  /** Forgets a connection entirely (leaves its rooms too). */
  untrack(peer: P): void {
    this.tracked.delete(peer);
    this.leave(peer);
  }

  join(peer: P): void {
    addTo(this.spaces, peer.spaceKey, peer);
    if (peer.docKey !== null) addTo(this.documents, roomKey(peer.spaceKey, peer.docKey), peer);
  }

  leave(peer: P): void {
    removeFrom(this.spaces, peer.spaceKey, peer);
    if (peer.docKey !== null) removeFrom(this.documents, roomKey(peer.spaceKey, peer.docKey), peer);
  }

  /** Every tracked connection (a copy: callers may close connections while iterating). */
  connections(): P[] {
    return [...this.tracked];
  }

  get size(): number {
    return this.tracked.size;
  }

  /** Connections of a space: space-level ones and those of all its documents. */
  spacePeers(spaceKey: string): P[] {
    return members(this.spaces.get(spaceKey));
  }

  /** The live set of a document's connections by room key (`space/doc`): do not modify. */
  documentRoom(key: string): Iterable<P> {
    const room = this.documents.get(key);
    if (room === undefined) return EMPTY;
    return room instanceof Set ? room : [room];
  }

  documentPeers(spaceKey: string, docKey: string): P[] {
    return members(this.documents.get(roomKey(spaceKey, docKey)));
  }
}

const EMPTY: readonly never[] = [];

function addTo<P>(map: Map<string, P | Set<P>>, key: string, peer: P): void {
  const room = map.get(key);
  if (room === undefined) map.set(key, peer);
  else if (room instanceof Set) room.add(peer);
  else if (room !== peer) map.set(key, new Set([room, peer]));
}

function removeFrom<P>(map: Map<string, P | Set<P>>, key: string, peer: P): void {
  const room = map.get(key);
  if (room === undefined) return;
  if (!(room instanceof Set)) {
    if (room === peer) map.delete(key);
    return;
  }
  room.delete(peer);
  if (room.size === 1) map.set(key, room.values().next().value as P);
  else if (room.size === 0) map.delete(key);
}

/** A copy: callers may close connections while iterating. */
function members<P>(room: P | Set<P> | undefined): P[] {
  if (room === undefined) return [];
  return room instanceof Set ? [...room] : [room];
}
