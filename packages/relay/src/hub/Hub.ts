import type { Peer } from './Peer.js';

/**
 * Who is connected where. Every open socket is tracked (for pings and shutdown); a connection
 * joins its space and document rooms once authenticated, before its initial state is read
 * (R13), so that nothing accepted meanwhile can be missed.
 */
export class Hub<P extends Peer> {
  private readonly tracked = new Set<P>();
  private readonly spaces = new Map<string, Set<P>>();
  private readonly documents = new Map<string, Set<P>>();

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
    return [...(this.spaces.get(spaceKey) ?? [])];
  }

  /** The live set of a document's connections by room key (`space/doc`): do not modify. */
  documentRoom(roomKey: string): ReadonlySet<P> {
    return this.documents.get(roomKey) ?? EMPTY;
  }

  documentPeers(spaceKey: string, docKey: string): P[] {
    return [...(this.documents.get(roomKey(spaceKey, docKey)) ?? [])];
  }
}

const EMPTY: ReadonlySet<never> = new Set();

function roomKey(spaceKey: string, docKey: string): string {
  return `${spaceKey}/${docKey}`;
}

function addTo<P>(map: Map<string, Set<P>>, key: string, peer: P): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(peer);
}

function removeFrom<P>(map: Map<string, Set<P>>, key: string, peer: P): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(peer);
  if (set.size === 0) map.delete(key);
}
