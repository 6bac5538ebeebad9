import type { Identity } from '@trame/crypto';
import { fromHex, Role } from '@trame/protocol';
import { readSpaceMeta } from '../../space/readSpaceMeta.js';
import { storedPinToPin } from '../../local/storedPin.js';
import type { PresenceLocation, PresenceUser } from '../../presence/PresenceUser.js';
import { setPresence } from '../../presence/setPresence.js';
import type {
  DocumentSessionLike,
  HeadStore,
  LocalCache,
  SpaceConnectOptions,
  SpaceSessionLike,
  SyncApi,
} from '../../sync/SyncApi.js';
import { storedToChain } from '../../local/storedChain.js';
import type { OpenSpace } from '../OpenSpace.js';
import type { ProfileKeeper } from '../profile/ProfileKeeper.js';
import type { LiveItem } from './LiveItem.js';
import { wireSpace } from './wireSpace.js';

/** What the registry needs to open spaces and documents for one identity. */
export interface SpaceRegistryOptions<S extends SpaceSessionLike> {
  sync: SyncApi<S>;
  identity: Identity;
  relayUrl: string;
  profile: ProfileKeeper;
  /** This user as presence shows them (read at each use: the name can change). */
  me: () => PresenceUser;
  cache?: LocalCache;
  headStore?: HeadStore;
  /** Deletes the device cache's entries of a space once it is forgotten. */
  forgetSpace?: (spaceId: string) => Promise<void>;
}

/**
 * The spaces and documents one client has open: opens each space once (with the pin its profile
 * keeps), opens every document with the same cache, heads, presence and network state, follows
 * the browser's network state, and forgets a space on a verified removal or the person's choice.
 */
export class SpaceRegistry<S extends SpaceSessionLike> {
  /** Where this user is, published in the assembly index's awareness. */
  location: PresenceLocation | null = null;
  private readonly spaces = new Map<string, Promise<OpenSpace<S>>>();
  private readonly live = new Map<DocumentSessionLike, LiveItem>();
  private readonly removedListeners = new Set<(spaceId: string) => void>();
  private readonly refusedListeners = new Set<(spaceId: string, error: unknown) => void>();
  private readonly leavingHooks = new Set<() => void>();
  private isOnline = true;

  constructor(private readonly o: SpaceRegistryOptions<S>) {}

  /** Whether the browser says there is a network. */
  get online(): boolean {
    return this.isOnline;
  }

  /** Options of the sync layer's SpaceSession.create/open/acceptInvite for this identity. */
  connectOptions(): SpaceConnectOptions {
    const { relayUrl, identity, cache } = this.o;
    // R122/R123: a linked device with a chain creates and joins as its person.
    const { personId, deviceChain } = this.o.profile.current;
    const person =
      personId && deviceChain?.length ? { key: fromHex(personId), chain: storedToChain(deviceChain) } : null;
    return { relayUrl, identity, ...(cache ? { cache } : {}), ...(person ? { person } : {}) };
  }

  /** Opens a space once; later calls return the same instance (a failed open is retried). */
  open(id: string): Promise<OpenSpace<S>> {
    let p = this.spaces.get(id);
    if (!p) {
      p = this.connect(id);
      this.spaces.set(id, p);
      p.catch(() => this.spaces.delete(id));
    }
    return p;
  }

  /** Whether the space is open (or opening) in this client. */
  has(id: string): boolean {
    return this.spaces.has(id);
  }

  /** Registers a session we created or joined, so {@link open} returns it. */
  adopt(id: string, session: S): OpenSpace<S> {
    const space = this.wire(id, session);
    this.spaces.set(id, Promise.resolve(space));
    return space;
  }

  /** The spaces open now (those that failed to open are left out). */
  async openSpaces(): Promise<Array<OpenSpace<S>>> {
    const all = await Promise.all([...this.spaces.values()].map((p) => p.catch(() => null)));
    return all.filter((s): s is OpenSpace<S> => s !== null);
  }

  /** Every document goes through here: same cache, heads, presence and network state. */
  openDoc(space: S, docId: Uint8Array): DocumentSessionLike {
    const me = this.o.me();
    const session = this.o.sync.openDocument({
      space,
      docId,
      user: { name: me.name, color: me.colour },
      ...(this.o.cache ? { cache: this.o.cache } : {}),
      ...(this.o.headStore ? { headStore: this.o.headStore } : {}),
      connect: this.isOnline,
    });
    setPresence(session.awareness, me);
    return session;
  }

  /** Opens an item's document for a screen; give it back with {@link closeItem}. */
  openItem(space: OpenSpace<S>, itemId: string): DocumentSessionLike {
    const session = this.openDoc(space.session, fromHex(itemId));
    this.live.set(session, { spaceId: space.id, itemId });
    return session;
  }

  closeItem(session: DocumentSessionLike): void {
    this.live.delete(session);
    session.destroy();
  }

  /** Documents open on screen, with where they belong. */
  items(): Array<LiveItem & { session: DocumentSessionLike }> {
    return [...this.live].map(([session, where]) => ({ ...where, session }));
  }

  /**
   * Follows the browser's network state: offline, every open document drops its relay
   * connection at once; back online, they reconnect, and whatever waits between two
   * reconnection attempts tries now (MINUTES-7).
   */
  setOnline(online: boolean): void {
    if (online !== this.isOnline) {
      this.isOnline = online;
      for (const p of this.spaces.values()) {
        void p.then(
          (space) => (online ? space.index.connect() : space.index.disconnect()),
          () => {},
        );
      }
      for (const s of this.live.keys()) {
        if (online) s.connect();
        else s.disconnect();
      }
    }
    if (!online) return;
    for (const p of this.spaces.values()) {
      void p.then(
        (space) => {
          space.session.retryNow();
          space.index.retryNow();
        },
        () => {},
      );
    }
    for (const s of this.live.keys()) s.retryNow();
  }

  /** Registers work to finish before the page goes away; returns an unregister function. */
  beforeLeaving(fn: () => void): () => void {
    this.leavingHooks.add(fn);
    return () => this.leavingHooks.delete(fn);
  }

  /** The page is going away: runs the hooks, then writes every open document to the device cache. */
  leaving(): void {
    for (const fn of this.leavingHooks) fn();
    for (const s of this.live.keys()) void s.saveNow();
    for (const p of this.spaces.values()) {
      void p.then(
        (space) => space.index.saveNow(),
        () => {},
      );
    }
  }

  onRemoved(fn: (spaceId: string) => void): () => void {
    this.removedListeners.add(fn);
    return () => this.removedListeners.delete(fn);
  }

  onRelayRefused(fn: (spaceId: string, error: unknown) => void): () => void {
    this.refusedListeners.add(fn);
    return () => this.refusedListeners.delete(fn);
  }

  /** "Oublier cet espace": drops a space, open or not, from this device and its cache. */
  async forget(spaceId: string): Promise<void> {
    const open = await this.spaces.get(spaceId)?.catch(() => null);
    if (open) return this.removed(spaceId, open.session, open.index);
    await this.o.profile.forget(spaceId);
    for (const fn of this.removedListeners) fn(spaceId);
    await this.o.forgetSpace?.(spaceId).catch(() => {});
  }

  /** Closes every space and document. */
  async close(): Promise<void> {
    for (const s of this.live.keys()) s.destroy();
    this.live.clear();
    const open = [...this.spaces.values()];
    this.spaces.clear();
    for (const p of open) {
      const space = await p.catch(() => null);
      if (!space) continue;
      space.index.destroy();
      space.session.close();
    }
  }

  private async connect(id: string): Promise<OpenSpace<S>> {
    const pin = storedPinToPin(this.o.profile.joined(id)?.pin);
    const session = await this.o.sync.SpaceSession.open({ ...this.connectOptions(), spaceId: fromHex(id), pin });
    const space = this.wire(id, session);
    if (!this.o.profile.isJoined(id)) void this.rememberIfMine(space).catch(() => {});
    return space;
  }

  /**
   * R126 (ADR 0010): an atelier of an assembly this device joined, opened here (from the
   * assembly's list) although this device did not join it, where the verified log makes this
   * device a member (another device of the person made or joined it: R122, R123, R125), is
   * remembered with its pin, so it is listed and opens pinned from now on like the others.
   */
  private async rememberIfMine(space: OpenSpace<S>): Promise<void> {
    await space.index.whenSynced();
    const meta = readSpaceMeta(space.index.doc);
    if (meta?.kind !== 'atelier' || !this.o.profile.isJoined(meta.assemblyId)) return;
    if (space.session.myRole === Role.None || this.o.profile.isJoined(space.id)) return;
    const pin = space.session.pin;
    if (pin) await this.o.profile.savePin(space.id, pin);
    await this.o.profile.remember({ id: space.id, kind: 'atelier', assemblyId: meta.assemblyId, joinedAt: Date.now() });
  }

  private wire(id: string, session: S): OpenSpace<S> {
    const index = this.openDoc(session, session.spaceId);
    wireSpace(session, index, {
      me: this.o.me(),
      personId: this.o.profile.current.personId ?? this.o.me().id,
      location: this.location,
      on: {
        pin: (p) => void this.o.profile.savePin(id, p),
        removed: () => void this.removed(id, session, index),
        refused: (e) => {
          for (const fn of this.refusedListeners) fn(id, e);
        },
      },
    });
    return { id, session, index };
  }

  /** This identity left the space (a verified REMOVE), or the person chose to forget it. */
  private async removed(id: string, session: S, index: DocumentSessionLike): Promise<void> {
    if (!this.o.profile.isJoined(id) && !this.spaces.has(id)) return;
    this.spaces.delete(id);
    for (const [s, where] of this.live) if (where.spaceId === id) this.live.delete(s);
    await this.o.profile.forget(id);
    for (const fn of this.removedListeners) fn(id);
    index.destroy();
    session.close();
    await this.o.forgetSpace?.(id).catch(() => {});
  }
}
