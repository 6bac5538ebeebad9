import type { Identity } from '@trame/crypto';
import { fromHex, Role, toHex } from '@trame/protocol';
import type * as Y from 'yjs';
import type { AtelierDraft } from '../collective/AtelierDraft.js';
import type { CollectivePlan } from '../collective/CollectivePlan.js';
import type { Locale } from '../collective/Locale.js';
import type { PublishedDecision } from '../decisions/PublishedDecision.js';
import { expiryDate, type InviteExpiry } from '../invites/expiryDate.js';
import { inviteLink } from '../invites/inviteLink.js';
import { addJoinedSpace } from '../local/addJoinedSpace.js';
import type { JoinedSpace, LocalProfile } from '../local/LocalProfile.js';
import type { ProfileStore } from '../local/ProfileStore.js';
import type { PresenceLocation, PresenceUser } from '../presence/PresenceUser.js';
import { setPresence } from '../presence/setPresence.js';
import { canWrite } from '../roles/canWrite.js';
import { addItem } from '../space/addItem.js';
import { initSpaceIndex } from '../space/initSpaceIndex.js';
import { readItem } from '../space/readItem.js';
import { readSpaceMeta } from '../space/readSpaceMeta.js';
import { recordActivity } from '../space/recordActivity.js';
import { recordPresentProfiles } from '../space/recordPresentProfiles.js';
import { registerAtelier } from '../space/registerAtelier.js';
import { setProfile } from '../space/setProfile.js';
import type { ItemType, SpaceKind } from '../space/SpaceIndex.js';
import { updateAtelier } from '../space/updateAtelier.js';
import { updateItem } from '../space/updateItem.js';
import { updateSpaceMeta } from '../space/updateSpaceMeta.js';
import type {
  DocumentSessionLike,
  HeadStore,
  InvitePreview,
  LocalCache,
  MembershipPin,
  SpaceSessionLike,
  SyncApi,
} from '../sync/SyncApi.js';
import { pinToStoredPin, storedPinToPin } from '../local/storedPin.js';
import { applyTemplate } from '../templates/applyTemplate.js';
import { copyItemContent } from '../templates/copyItemContent.js';
import { isAccessRefusal } from './isAccessRefusal.js';
import type { OpenSpace } from './OpenSpace.js';
import { todayIso } from './todayIso.js';
import { WorkspaceError } from './WorkspaceError.js';
import type { ClientCore } from './ClientCore.js';
import { reconcileDecisions } from './decisions/reconcileDecisions.js';
import { ensureListed } from './items/ensureListed.js';
import { invitePreviewFor } from './invites/invitePreviewFor.js';
import { isHexId } from '../ids/isHexId.js';

/** Everything the client needs; the web app builds it once the identity is loaded. */
export interface TrameClientOptions<S extends SpaceSessionLike> {
  sync: SyncApi<S>;
  identity: Identity;
  /** `ws(s)://<host>/ws`. */
  relayUrl: string;
  profile: LocalProfile;
  store: ProfileStore;
  /** Clock, injectable for tests. */
  now?: () => number;
  /** How long to wait for the relay to confirm freshly created content before giving up. */
  saveTimeoutMs?: number;
  /**
   * The device cache, already encrypted (@trame/sync's `EncryptedCache`): spaces and documents
   * then open from it offline, and edits made offline survive a reload.
   */
  cache?: LocalCache;
  /** Remembers document heads across reloads (@trame/sync's `PersistentHeadStore`). */
  headStore?: HeadStore;
  /** Deletes the device cache's entries of a space; called once this identity is removed from it. */
  forgetSpace?: (spaceId: string) => Promise<void>;
}

/** An item session opened for a screen, with where it belongs. */
interface LiveItem {
  spaceId: string;
  itemId: string;
}

/**
 * The collective as one user's device sees it: opens spaces and documents through @trame/sync,
 * creates the collective, ateliers and items, publishes the user's profile and presence, and
 * moves assembly decisions to atelier boards. Screens call it and the pure functions of this
 * package; they never talk to @trame/sync directly.
 */
export class TrameClient<S extends SpaceSessionLike = SpaceSessionLike> {
  private readonly sync: SyncApi<S>;
  private readonly identity: Identity;
  private readonly relayUrl: string;
  private readonly store: ProfileStore;
  private readonly now: () => number;
  private readonly saveTimeoutMs: number;
  private current: LocalProfile;
  private readonly spaces = new Map<string, Promise<OpenSpace<S>>>();
  private readonly live = new Map<DocumentSessionLike, LiveItem>();
  private readonly cache: LocalCache | undefined;
  private readonly headStore: HeadStore | undefined;
  private readonly forgetSpace: ((spaceId: string) => Promise<void>) | undefined;
  private readonly removedListeners = new Set<(spaceId: string) => void>();
  private readonly refusedListeners = new Set<(spaceId: string, error: unknown) => void>();
  /** R39: pins of spaces being created or joined, until they are remembered. */
  private readonly pendingPins = new Map<string, NonNullable<JoinedSpace['pin']>>();
  private readonly leavingHooks = new Set<() => void>();
  private location: PresenceLocation | null = null;
  private online = true;

  /** Hex public key of this user. */
  readonly myId: string;
  /** What the commands in items/, decisions/ and invites/ use of this client. */
  private readonly core: ClientCore<S>;
  private readonly reconciling = new Map<string, Promise<void>>();

  constructor(o: TrameClientOptions<S>) {
    this.sync = o.sync;
    this.identity = o.identity;
    this.relayUrl = o.relayUrl;
    this.store = o.store;
    this.current = o.profile;
    this.now = o.now ?? Date.now;
    this.saveTimeoutMs = o.saveTimeoutMs ?? 15_000;
    this.cache = o.cache;
    this.headStore = o.headStore;
    this.forgetSpace = o.forgetSpace;
    this.myId = toHex(o.identity.publicKey);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the core reads live fields
    const client = this;
    this.core = {
      sync: this.sync,
      myId: this.myId,
      get displayName() {
        return client.current.displayName;
      },
      get online() {
        return client.online;
      },
      saveTimeoutMs: this.saveTimeoutMs,
      now: () => this.now(),
      openSpace: (id) => this.openSpace(id),
      openDoc: (space, docId) => this.openDoc(space, docId),
      isJoined: (id) => this.isJoined(id),
      joinedAssemblyOf: (id) => this.joinedAssemblyOf(id),
      settle: (session) => this.settle(session),
      settleSynced: (session) => this.settleSynced(session),
    };
  }

  /** The device's profile as last saved. */
  get profile(): LocalProfile {
    return this.current;
  }

  /** This user as presence shows them. */
  get me(): PresenceUser {
    return { id: this.myId, name: this.current.displayName, colour: this.current.colour };
  }

  /**
   * The first assembly this device has joined, where the home screen starts; null for someone
   * invited only to ateliers (the assembly's index is not theirs to read).
   */
  get homeAssemblyId(): string | null {
    return this.current.spaces.find((s) => s.kind === 'assembly')?.id ?? null;
  }

  /** Spaces this device has joined that belong to `assemblyId`. */
  joinedSpaces(assemblyId: string): JoinedSpace[] {
    return this.current.spaces.filter((s) => s.assemblyId === assemblyId);
  }

  /** Ateliers joined without their assembly: the home of someone invited to an atelier only. */
  get ateliersWithoutAssembly(): JoinedSpace[] {
    return this.current.spaces.filter((s) => s.kind === 'atelier' && !this.isJoined(s.assemblyId));
  }

  /** Whether this device has joined the space. */
  isJoined(spaceId: string): boolean {
    return this.current.spaces.some((s) => s.id === spaceId);
  }

  /**
   * MEMBERSHIP-6: calls `fn(spaceId, error)` when the relay refuses this identity although the
   * verified log still lists it: the space stays readable from the device; the screen explains
   * and offers {@link forgetSpaceOnThisDevice}. Returns an unsubscribe.
   */
  onRelayRefused(fn: (spaceId: string, error: unknown) => void): () => void {
    this.refusedListeners.add(fn);
    return () => this.refusedListeners.delete(fn);
  }

  /** "Oublier cet espace": the person's choice to drop a space and its copies from this device. */
  async forgetSpaceOnThisDevice(spaceId: string): Promise<void> {
    const open = await this.spaces.get(spaceId)?.catch(() => null);
    if (open) return this.removed(spaceId, open.session, open.index);
    this.current = { ...this.current, spaces: this.current.spaces.filter((s) => s.id !== spaceId) };
    await this.store.save(this.current).catch(() => {});
    for (const fn of this.removedListeners) fn(spaceId);
    await this.forgetSpace?.(spaceId).catch(() => {});
  }

  /** Calls `fn(spaceId)` when this identity is removed from a space; returns an unsubscribe. */
  onRemoved(fn: (spaceId: string) => void): () => void {
    this.removedListeners.add(fn);
    return () => this.removedListeners.delete(fn);
  }

  /**
   * Follows the browser's network state: offline, every open document drops its relay
   * connection at once (its status line says so, and edits keep going to the device cache);
   * back online, they reconnect and send what waited. Without this a dead socket could take
   * half a minute to notice.
   */
  setOnline(online: boolean): void {
    if (online === this.online) {
      // The browser says it is online while we thought so too (e.g. the relay was down):
      // whatever waits between two reconnection attempts tries now.
      if (online) this.retryNow();
      return;
    }
    this.online = online;
    const sessions = [...this.live.keys()];
    for (const p of this.spaces.values()) {
      void p.then(
        (space) => (online ? space.index.connect() : space.index.disconnect()),
        () => {},
      );
    }
    for (const s of sessions) {
      if (online) s.connect();
      else s.disconnect();
    }
    if (online) this.retryNow();
  }

  /** MINUTES-7: back online, nothing waits out its reconnection backoff. */
  private retryNow(): void {
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

  /**
   * Registers work to finish before the page goes away (e.g. publishing a debounced change);
   * returns an unregister function. See {@link leaving}.
   */
  beforeLeaving(fn: () => void): () => void {
    this.leavingHooks.add(fn);
    return () => this.leavingHooks.delete(fn);
  }

  /**
   * The page is going away (`pagehide`): runs the {@link beforeLeaving} hooks, then writes every
   * open document and space index to the device cache, so that nothing typed is lost even if
   * the relay had not acknowledged it yet (it is sent at the next start).
   */
  leaving(): void {
    for (const fn of this.leavingHooks) fn();
    for (const s of this.live.keys()) void s.saveNow();
    for (const p of this.spaces.values())
      void p.then(
        (space) => space.index.saveNow(),
        () => {},
      );
  }

  /** Documents, boards and minutes open on screen (for diagnostics and tests). */
  openItems(): Array<LiveItem & { session: DocumentSessionLike }> {
    return [...this.live].map(([session, where]) => ({ ...where, session }));
  }

  /**
   * Opens (once) a space and its index document and publishes our profile there. Later calls
   * return the same instance; spaces stay open for the client's lifetime (a user has a handful).
   */
  openSpace(id: string): Promise<OpenSpace<S>> {
    let p = this.spaces.get(id);
    if (!p) {
      p = this.connect(id);
      this.spaces.set(id, p);
      p.catch(() => this.spaces.delete(id));
    }
    return p;
  }

  /**
   * Opens a document, board or minutes for a screen, from the device cache first when there
   * is one; the screen gives it back with {@link closeItem} when leaving.
   */
  async openItem(spaceId: string, itemId: string): Promise<DocumentSessionLike> {
    if (!isHexId(itemId)) throw new WorkspaceError('UNKNOWN_ITEM', 'not an item id');
    const space = await this.openSpace(spaceId);
    await ensureListed(this.core, space, itemId);
    const session = this.openDoc(space.session, fromHex(itemId));
    this.live.set(session, { spaceId, itemId });
    return session;
  }

  /** Closes an item opened with {@link openItem}, after writing its state to the device cache. */
  closeItem(session: DocumentSessionLike): void {
    this.live.delete(session);
    session.destroy();
  }

  /**
   * Creates the collective: the assembly, then each atelier as its own space with its main
   * board, registered in the assembly. Returns the assembly's id. Every name is written only
   * into encrypted index documents.
   */
  async createCollective(plan: CollectivePlan, locale: Locale): Promise<string> {
    const session = await this.sync.SpaceSession.create(this.connectOptions());
    const id = session.spaceIdHex;
    const space = this.adopt(id, session);
    initSpaceIndex(space.index.doc, {
      kind: 'assembly',
      name: plan.assembly.name.trim(),
      description: plan.assembly.description.trim(),
      colour: plan.assembly.colour,
      status: 'active',
      collectiveName: plan.collectiveName.trim(),
      assemblyId: '',
      createdAt: this.now(),
      createdBy: this.myId,
    });
    await this.remember({ id, kind: 'assembly', assemblyId: id, joinedAt: this.now() });
    for (const draft of plan.ateliers) await this.createAtelier(id, draft, locale);
    await this.settle(space.index);
    return id;
  }

  /** Creates an atelier space in the collective, with its main board; returns its id. */
  async createAtelier(assemblyId: string, draft: AtelierDraft, locale: Locale): Promise<string> {
    const assembly = await this.openSpace(assemblyId);
    if (readSpaceMeta(assembly.index.doc)?.kind === 'atelier') throw new WorkspaceError('NOT_AN_ASSEMBLY');
    const session = await this.sync.SpaceSession.create(this.connectOptions());
    const id = session.spaceIdHex;
    const space = this.adopt(id, session);
    const now = this.now();
    initSpaceIndex(space.index.doc, {
      kind: 'atelier',
      name: draft.name.trim(),
      description: draft.description.trim(),
      colour: draft.colour,
      status: 'active',
      collectiveName: '',
      assemblyId,
      createdAt: now,
      createdBy: this.myId,
    });
    registerAtelier(assembly.index.doc, {
      id,
      name: draft.name.trim(),
      description: draft.description.trim(),
      colour: draft.colour,
      status: 'active',
      createdAt: now,
      lastActivityAt: now,
      lastActivityBy: this.myId,
    });
    await this.remember({ id, kind: 'atelier', assemblyId, joinedAt: now });
    const boardTitle = locale === 'fr' ? "Tableau de l'atelier" : 'Atelier board';
    const boardId = await this.createItem(id, {
      type: 'board',
      title: boardTitle,
      templateId: 'board.atelier',
      locale,
    });
    updateItem(space.index.doc, boardId, { role: 'main' }, this.myId, now);
    await this.settle(space.index);
    return id;
  }

  /** Creates a document, board or minutes from a template and lists it; returns its id. */
  async createItem(
    spaceId: string,
    o: { type: ItemType; title: string; templateId?: string; locale: Locale },
  ): Promise<string> {
    const space = await this.openSpace(spaceId);
    this.assertCanWrite(space);
    const docId = this.sync.newDocId();
    const itemId = toHex(docId);
    const item = this.openDoc(space.session, docId);
    try {
      const now = this.now();
      applyTemplate(item.doc, o.templateId ?? `${o.type}.blank`, { locale: o.locale, now, today: todayIso(now) });
      this.list(space, itemId, o.type, o.title, 'created');
      await this.settle(item);
    } finally {
      item.destroy();
    }
    return itemId;
  }

  /** Copies an item (content, not history) under a new title; returns the copy's id. */
  async duplicateItem(spaceId: string, itemId: string, title: string): Promise<string> {
    const space = await this.openSpace(spaceId);
    this.assertCanWrite(space);
    const info = readItem(space.index.doc, itemId);
    if (!info) throw new WorkspaceError('UNKNOWN_ITEM');
    const source = this.openDoc(space.session, fromHex(itemId));
    const docId = this.sync.newDocId();
    const copyId = toHex(docId);
    const copy = this.openDoc(space.session, docId);
    try {
      await source.whenSynced();
      copyItemContent(source.doc, copy.doc, info.type);
      this.list(space, copyId, info.type, title, 'duplicated');
      await this.settle(copy);
    } finally {
      source.destroy();
      copy.destroy();
    }
    return copyId;
  }

  /** Renames a listed item. */
  async renameItem(spaceId: string, itemId: string, title: string): Promise<void> {
    const space = await this.openSpace(spaceId);
    this.assertCanWrite(space);
    const now = this.now();
    if (!updateItem(space.index.doc, itemId, { title: title.trim() }, this.myId, now)) {
      throw new WorkspaceError('UNKNOWN_ITEM');
    }
    recordActivity(space.index.doc, { at: now, by: this.myId, itemId, action: 'renamed' });
  }

  /** Archives (hides from the list) or restores an item; nothing is deleted. */
  async setArchived(spaceId: string, itemId: string, archived: boolean): Promise<void> {
    const space = await this.openSpace(spaceId);
    this.assertCanWrite(space);
    const now = this.now();
    if (!updateItem(space.index.doc, itemId, { archived }, this.myId, now)) throw new WorkspaceError('UNKNOWN_ITEM');
    recordActivity(space.index.doc, { at: now, by: this.myId, itemId, action: archived ? 'archived' : 'restored' });
  }

  /**
   * Renames or re-describes a space (animateurs). For an atelier the assembly's registry entry
   * (home card) follows, so both stay in step.
   */
  async updateSpaceDetails(
    spaceId: string,
    patch: { name?: string; description?: string; colour?: string; collectiveName?: string },
  ): Promise<void> {
    const space = await this.openSpace(spaceId);
    if (space.session.myRole !== Role.Admin) throw new WorkspaceError('FORBIDDEN');
    const clean = {
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
      ...(patch.colour !== undefined ? { colour: patch.colour } : {}),
      ...(patch.collectiveName !== undefined ? { collectiveName: patch.collectiveName.trim() } : {}),
    };
    updateSpaceMeta(space.index.doc, clean);
    const meta = readSpaceMeta(space.index.doc);
    if (meta?.kind === 'atelier' && meta.assemblyId && this.isJoined(meta.assemblyId)) {
      const assembly = await this.openSpace(meta.assemblyId).catch(() => null);
      if (assembly && canWrite(assembly.session.myRole)) {
        const { collectiveName: _ignored, ...entry } = clean;
        void _ignored;
        updateAtelier(assembly.index.doc, spaceId, entry);
      }
    }
  }

  /** Activates an atelier or puts it to rest (assembly animateurs). */
  async setAtelierStatus(assemblyId: string, atelierId: string, status: 'active' | 'resting'): Promise<void> {
    const assembly = await this.openSpace(assemblyId);
    if (assembly.session.myRole !== Role.Admin) throw new WorkspaceError('FORBIDDEN');
    updateAtelier(assembly.index.doc, atelierId, { status });
  }

  /**
   * Creates an invite link for `spaceId`. The token goes in the URL fragment (never sent to a
   * server); `origin` is the app's own origin.
   */
  async createInvite(spaceId: string, o: { role: Role; expiry: InviteExpiry; origin: string }): Promise<string> {
    const space = await this.openSpace(spaceId);
    if (space.session.myRole !== Role.Admin) throw new WorkspaceError('FORBIDDEN');
    const expiresAt = expiryDate(o.expiry, this.now());
    const token = await space.session.createInvite({ role: o.role, ...(expiresAt ? { expiresAt } : {}) });
    return inviteLink(o.origin, token, await invitePreviewFor(this.core, space, o.role));
  }

  /**
   * R39: what an invite link grants (role, expiry) and who made it (their key's fingerprint, to
   * check with them), after checking that the relay holds the history the link pins. Rejects
   * with INVITE_MISMATCH when it does not: the join screen says not to join.
   */
  async previewInvite(token: string): Promise<InvitePreview> {
    return this.sync.SpaceSession.previewInvite({ relayUrl: this.relayUrl, invite: token });
  }

  /**
   * Joins a space from an invite token, publishes our profile there and remembers it.
   * Returns the space's id and kind, read from its (now readable) index.
   */
  async acceptInvite(token: string): Promise<{ id: string; kind: SpaceKind; assemblyId: string }> {
    const session = await this.sync.SpaceSession.acceptInvite({ ...this.connectOptions(), invite: token });
    const id = session.spaceIdHex;
    const space = this.adopt(id, session);
    await space.index.whenSynced();
    const meta = readSpaceMeta(space.index.doc);
    const kind: SpaceKind = meta?.kind ?? 'atelier';
    const assemblyId = kind === 'assembly' ? id : (meta?.assemblyId ?? id);
    await this.remember({ id, kind, assemblyId, joinedAt: this.now() });
    return { id, kind, assemblyId };
  }

  /** Changes our display name or colour, here and in every open space. */
  async updateMe(patch: { displayName?: string; colour?: string; locale?: Locale }): Promise<void> {
    this.current = {
      ...this.current,
      ...(patch.displayName !== undefined ? { displayName: patch.displayName.trim() } : {}),
      ...(patch.colour !== undefined ? { colour: patch.colour } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    };
    await this.store.save(this.current);
    for (const s of this.live.keys()) setPresence(s.awareness, this.me);
    for (const p of this.spaces.values()) {
      const space = await p.catch(() => null);
      if (!space) continue;
      setProfile(space.index.doc, {
        id: this.myId,
        displayName: this.current.displayName,
        colour: this.current.colour,
      });
      setPresence(space.index.awareness, this.me);
    }
  }

  /**
   * Tells the other members where we are (assembly presence drives "online" on home cards).
   * `null` when leaving a space.
   */
  async setLocation(assemblyId: string, location: PresenceLocation | null): Promise<void> {
    this.location = location;
    // Someone invited to an atelier only is not in the assembly: nowhere to publish it.
    if (!this.isJoined(assemblyId)) return;
    const assembly = await this.openSpace(assemblyId);
    setPresence(assembly.index.awareness, this.me, location);
  }

  /**
   * Keeps an item's "last edited" and the space's recent activity up to date while the user
   * edits it; at most one stamp per `intervalMs`. Returns a function that stops and flushes.
   */
  trackEdits(spaceId: string, itemId: string, item: DocumentSessionLike, intervalMs = 60_000): () => void {
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = (): void => {
      timer = null;
      if (!pending) return;
      pending = false;
      void this.stampEdit(spaceId, itemId).catch(() => {});
    };
    const onUpdate = (_u: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction): void => {
      if (!tr.local) return;
      pending = true;
      if (!timer) {
        flush();
        pending = false;
        timer = setTimeout(flush, intervalMs);
      }
    };
    item.doc.on('update', onUpdate);
    return () => {
      item.doc.off('update', onUpdate);
      if (timer) clearTimeout(timer);
      flush();
    };
  }

  /**
   * Delivers the assembly's decisions addressed to this atelier as cards on its main board,
   * then reports where each card stands back to the assembly. Runs with the board already open
   * (`board`) or opens it for the time it takes. Does nothing for observers.
   */
  async reconcileDecisions(
    atelierId: string,
    o: { locale: Locale; board?: DocumentSessionLike; describe: (d: PublishedDecision) => string },
  ): Promise<void> {
    // One at a time per atelier: two sessions of the same board in one client at once (the
    // minutes delivering a correction while the previous delivery still settles) race.
    const previous = this.reconciling.get(atelierId) ?? Promise.resolve();
    const run = previous.then(() => reconcileDecisions(this.core, atelierId, o));
    const settled = run.catch(() => {});
    this.reconciling.set(atelierId, settled);
    void settled.then(() => {
      if (this.reconciling.get(atelierId) === settled) this.reconciling.delete(atelierId);
    });
    return run;
  }

  /** Closes every space and document this client opened. */
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
    const pin = storedPinToPin(this.current.spaces.find((s) => s.id === id)?.pin);
    const session = await this.sync.SpaceSession.open({ ...this.connectOptions(), spaceId: fromHex(id), pin });
    return this.wire(id, session);
  }

  /** Registers a session we created or joined, so openSpace returns it. */
  private adopt(id: string, session: S): OpenSpace<S> {
    const space = this.wire(id, session);
    this.spaces.set(id, Promise.resolve(space));
    return space;
  }

  private wire(id: string, session: S): OpenSpace<S> {
    const index = this.openDoc(session, session.spaceId);
    setPresence(index.awareness, this.me, this.location);
    if (canWrite(session.myRole)) {
      setProfile(index.doc, { id: this.myId, displayName: this.current.displayName, colour: this.current.colour });
    }
    // Observers cannot write their own profile (the relay refuses their writes): writers record
    // the name each member announces, signed, in the index's awareness. Only once the index
    // holds the relay's state, so as never to shadow a profile we have not received yet.
    let synced = false;
    const witness = (): void => {
      if (!synced || !canWrite(session.myRole)) return;
      recordPresentProfiles(index.doc, index.awareness.getStates().values(), {
        myId: this.myId,
        isMember: (member) => session.roleOf(member) !== Role.None,
      });
    };
    index.awareness.on('change', witness);
    void index.whenSynced().then(() => {
      synced = true;
      witness();
    });
    session.on('pin', (p) => void this.savePin(id, p));
    if (session.pin) void this.savePin(id, session.pin);
    const removed = (): void => void this.removed(id, session, index);
    session.on('removed', removed);
    session.on('error', (e) => {
      // MEMBERSHIP-6: the relay's word alone never wipes this device's copies (a hostile relay
      // could erase them, and the cached log with them). Only a verified REMOVE in the log does
      // (the `removed` event); here the person is told and may choose "Oublier cet espace".
      if (e.code !== 'INVALID_MEMBERSHIP' && isAccessRefusal(e)) {
        for (const fn of this.refusedListeners) fn(id, e);
      }
    });
    return { id, session, index };
  }

  /**
   * This identity left the space (a verified REMOVE in the log), or the person chose to forget
   * it: drop it from this device.
   */
  private async removed(id: string, session: S, index: DocumentSessionLike): Promise<void> {
    if (!this.isJoined(id) && !this.spaces.has(id)) return;
    this.spaces.delete(id);
    for (const [s, where] of this.live) if (where.spaceId === id) this.live.delete(s);
    this.current = { ...this.current, spaces: this.current.spaces.filter((s) => s.id !== id) };
    await this.store.save(this.current).catch(() => {});
    for (const fn of this.removedListeners) fn(id);
    index.destroy();
    session.close();
    await this.forgetSpace?.(id).catch(() => {});
  }

  /** Every document goes through here: same cache, heads, presence and network state. */
  private openDoc(space: S, docId: Uint8Array): DocumentSessionLike {
    const session = this.sync.openDocument({
      space,
      docId,
      user: { name: this.current.displayName, color: this.current.colour },
      ...(this.cache ? { cache: this.cache } : {}),
      ...(this.headStore ? { headStore: this.headStore } : {}),
      connect: this.online,
    });
    setPresence(session.awareness, this.me);
    return session;
  }

  private list(
    space: OpenSpace<S>,
    itemId: string,
    type: ItemType,
    title: string,
    action: 'created' | 'duplicated',
  ): void {
    const now = this.now();
    space.index.doc.transact(() => {
      addItem(space.index.doc, {
        id: itemId,
        type,
        title: title.trim(),
        createdAt: now,
        createdBy: this.myId,
        updatedAt: now,
        updatedBy: this.myId,
        archived: false,
        role: '',
      });
      recordActivity(space.index.doc, { at: now, by: this.myId, itemId, action });
    });
  }

  private async stampEdit(spaceId: string, itemId: string): Promise<void> {
    const space = await this.openSpace(spaceId);
    if (!canWrite(space.session.myRole)) return;
    const now = this.now();
    updateItem(space.index.doc, itemId, {}, this.myId, now);
    recordActivity(space.index.doc, { at: now, by: this.myId, itemId, action: 'edited' });
    const meta = readSpaceMeta(space.index.doc);
    if (meta?.kind === 'atelier' && meta.assemblyId && this.spaces.has(meta.assemblyId)) {
      const assembly = await this.openSpace(meta.assemblyId);
      if (canWrite(assembly.session.myRole)) {
        updateAtelier(assembly.index.doc, spaceId, { lastActivityAt: now, lastActivityBy: this.myId });
      }
    }
  }

  private joinedAssemblyOf(spaceId: string): string | null {
    return this.current.spaces.find((s) => s.id === spaceId)?.assemblyId ?? null;
  }

  private assertCanWrite(space: OpenSpace<S>): void {
    if (!canWrite(space.session.myRole)) throw new WorkspaceError('FORBIDDEN');
  }

  private async remember(space: JoinedSpace): Promise<void> {
    const pin = this.pendingPins.get(space.id);
    this.pendingPins.delete(space.id);
    this.current = addJoinedSpace(this.current, pin ? { ...space, pin } : space);
    await this.store.save(this.current);
  }

  /**
   * R39: keeps the space's verified history (genesis, last seq and head) in the encrypted
   * profile, apart from the cached log, so that a relay cannot later serve another one.
   */
  private async savePin(id: string, pin: MembershipPin): Promise<void> {
    const stored = pinToStoredPin(pin);
    if (!stored) return;
    const joined = this.current.spaces.find((s) => s.id === id);
    if (!joined) {
      this.pendingPins.set(id, stored);
      return;
    }
    if (joined.pin && joined.pin.seq >= stored.seq) return;
    this.current = addJoinedSpace(this.current, { ...joined, pin: stored });
    await this.store.save(this.current).catch(() => {});
  }

  /**
   * Waits until the relay holds what we wrote, but never hangs a screen on a slow relay; offline
   * the device cache keeps it and it is sent when the network is back.
   */
  private async settle(session: DocumentSessionLike): Promise<void> {
    if (!this.online) return session.saveNow();
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      session.whenSaved(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.saveTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }

  /** Waits for a document to hold the relay's state, at most `saveTimeoutMs` (never when offline). */
  private async settleSynced(session: DocumentSessionLike): Promise<void> {
    if (!this.online) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      session.whenSynced(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.saveTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }

  private connectOptions(): { relayUrl: string; identity: Identity; cache?: LocalCache } {
    return { relayUrl: this.relayUrl, identity: this.identity, ...(this.cache ? { cache: this.cache } : {}) };
  }
}
