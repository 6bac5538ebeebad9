import type { Identity } from '@trame/crypto';
import type { Role } from '@trame/protocol';
import { toHex } from '@trame/protocol';
import { keyFingerprint } from '@trame/sync';
import type { AtelierDraft } from '../collective/AtelierDraft.js';
import type { CollectivePlan } from '../collective/CollectivePlan.js';
import type { Locale } from '../collective/Locale.js';
import type { PublishedDecision } from '../decisions/PublishedDecision.js';
import { claimAuthorship } from '../historyView/claimAuthorship.js';
import { isHexId } from '../ids/isHexId.js';
import type { InviteExpiry } from '../invites/expiryDate.js';
import type { JoinedSpace, LocalProfile } from '../local/LocalProfile.js';
import type { ProfileStore } from '../local/ProfileStore.js';
import type { PresenceLocation, PresenceUser } from '../presence/PresenceUser.js';
import type { ItemType, SpaceKind } from '../space/SpaceIndex.js';
import type { DocumentSessionLike, HeadStore, LocalCache, SpaceSessionLike, SyncApi } from '../sync/SyncApi.js';
import type { ClientCore } from './ClientCore.js';
import { buildClientCore } from './buildClientCore.js';
import { Devices } from './devices/Devices.js';
import { reconcileDecisions } from './decisions/reconcileDecisions.js';
import type { VerifiedInvite } from './invites/VerifiedInvite.js';
import { ensureListed } from './items/ensureListed.js';
import { ItemHistory } from './history/ItemHistory.js';
import { trackEdits } from './items/trackEdits.js';
import type { OpenSpace } from './OpenSpace.js';
import { ProfileKeeper } from './profile/ProfileKeeper.js';
import { publishProfile } from './profile/publishProfile.js';
import { setLocation } from './profile/setLocation.js';
import type { LiveItem } from './spaces/LiveItem.js';
import { SpaceRegistry } from './spaces/SpaceRegistry.js';
import { WorkspaceError } from './WorkspaceError.js';

/** Commands loaded on first use (see rareCommands). */
const rare = () => import('./rareCommands.js');

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
  /** HISTORY-1 (R114): when versions are recorded (default: 2 min idle, 15 min of continuous editing). */
  versionPolicy?: { idleMs?: number; maxSessionMs?: number };
  /** Deletes the device cache's entries of a space; called once this identity is removed from it. */
  forgetSpace?: (spaceId: string) => Promise<void>;
}

/**
 * The collective as one user's device sees it: the thin facade every screen calls. The state
 * lives in a SpaceRegistry (spaces and documents open, network state) and a ProfileKeeper (the
 * device's profile); each command is a function over their ClientCore, in a domain folder
 * beside its unit test (collective/, items/, decisions/, invites/, profile/, spaces/). Screens
 * call this and the pure functions of this package; they never talk to @trame/sync directly.
 */
export class TrameClient<S extends SpaceSessionLike = SpaceSessionLike> {
  /** Hex public key of this user. */
  readonly myId: string;
  private readonly relayUrl: string;
  private readonly sync: SyncApi<S>;
  private readonly keeper: ProfileKeeper;
  private readonly registry: SpaceRegistry<S>;
  private readonly core: ClientCore<S>;
  private readonly reconciling = new Map<string, Promise<void>>();
  /**
   * HISTORY-1/3: timelines, previews, names, restores and retention of items; versions of items
   * opened with {@link openItem} are recorded at the end of each session of work.
   */
  readonly history: ItemHistory<S>;
  /** DEVICES-1/2: this person's devices (list, link, remove, export for a new device). */
  readonly devices: Devices<S>;
  /** Open items' author claims (HISTORY-2), stopped when the item closes. */
  private readonly claims = new WeakMap<DocumentSessionLike, () => void>();

  constructor(o: TrameClientOptions<S>) {
    this.sync = o.sync;
    this.relayUrl = o.relayUrl;
    this.myId = toHex(o.identity.publicKey);
    this.keeper = new ProfileKeeper(o.profile, o.store);
    this.registry = new SpaceRegistry<S>({
      sync: o.sync,
      identity: o.identity,
      relayUrl: o.relayUrl,
      profile: this.keeper,
      me: () => this.me,
      ...(o.cache ? { cache: o.cache } : {}),
      ...(o.headStore ? { headStore: o.headStore } : {}),
      ...(o.forgetSpace ? { forgetSpace: o.forgetSpace } : {}),
    });
    this.core = buildClientCore({
      sync: o.sync,
      myId: this.myId,
      registry: this.registry,
      profile: this.keeper,
      now: o.now ?? Date.now,
      saveTimeoutMs: o.saveTimeoutMs ?? 15_000,
    });
    this.history = new ItemHistory<S>({
      core: this.core,
      openSession: (spaceId, itemId) =>
        this.registry.items().find((i) => i.spaceId === spaceId && i.itemId === itemId)?.session ?? null,
      ...(o.versionPolicy ? { policy: o.versionPolicy } : {}),
    });
    this.registry.beforeLeaving(() => this.history.flushAll());
    this.devices = new Devices(this.core, this.keeper);
  }

  /** DEVICES-1/2: hex person key this device acts for (`myId` on a first or legacy device). */
  get personId(): string {
    return this.core.personId;
  }

  /** The device's profile as last saved. */
  get profile(): LocalProfile {
    return this.keeper.current;
  }

  /** This user as presence shows them. */
  get me(): PresenceUser {
    return { id: this.myId, name: this.keeper.current.displayName, colour: this.keeper.current.colour };
  }

  /** MEMBERSHIP-1: the short fingerprint of this user's key, as invitees see it on the join screen. */
  get fingerprint(): string {
    return keyFingerprint(this.core.connectOptions().identity.publicKey);
  }

  /** The first assembly joined (the home screen); null for someone invited only to ateliers. */
  get homeAssemblyId(): string | null {
    return this.keeper.current.spaces.find((s) => s.kind === 'assembly')?.id ?? null;
  }

  /** Spaces this device has joined that belong to `assemblyId`. */
  joinedSpaces(assemblyId: string): JoinedSpace[] {
    return this.keeper.current.spaces.filter((s) => s.assemblyId === assemblyId);
  }

  /** Ateliers joined without their assembly: the home of someone invited to an atelier only. */
  get ateliersWithoutAssembly(): JoinedSpace[] {
    return this.keeper.current.spaces.filter((s) => s.kind === 'atelier' && !this.isJoined(s.assemblyId));
  }

  /** Whether this device has joined the space. */
  isJoined(spaceId: string): boolean {
    return this.keeper.isJoined(spaceId);
  }

  /**
   * MEMBERSHIP-6: calls `fn(spaceId, error)` when the relay refuses this identity although the
   * verified log still lists it: the space stays readable from the device; the screen explains
   * and offers {@link forgetSpaceOnThisDevice}. Returns an unsubscribe.
   */
  onRelayRefused(fn: (spaceId: string, error: unknown) => void): () => void {
    return this.registry.onRelayRefused(fn);
  }

  /** "Oublier cet espace": the person's choice to drop a space and its copies from this device. */
  forgetSpaceOnThisDevice(spaceId: string): Promise<void> {
    return this.registry.forget(spaceId);
  }

  /** Calls `fn(spaceId)` when this identity is removed from a space; returns an unsubscribe. */
  onRemoved(fn: (spaceId: string) => void): () => void {
    return this.registry.onRemoved(fn);
  }

  /** Follows the browser's network state (offline: documents disconnect; online: retry now). */
  setOnline(online: boolean): void {
    this.registry.setOnline(online);
  }

  /** Registers work to finish before the page goes away; returns an unregister function. */
  beforeLeaving(fn: () => void): () => void {
    return this.registry.beforeLeaving(fn);
  }

  /** The page is going away (`pagehide`): hooks run, every open document goes to the device cache. */
  leaving(): void {
    this.registry.leaving();
  }

  /** Documents, boards and minutes open on screen (for diagnostics and tests). */
  openItems(): Array<LiveItem & { session: DocumentSessionLike }> {
    return this.registry.items();
  }

  /** Opens (once) a space and its index document and publishes our profile there. */
  openSpace(id: string): Promise<OpenSpace<S>> {
    return this.registry.open(id);
  }

  /**
   * Opens a listed document, board or minutes for a screen (MINUTES-3: an id the index does not
   * list is refused); the screen gives it back with {@link closeItem}.
   */
  async openItem(spaceId: string, itemId: string): Promise<DocumentSessionLike> {
    if (!isHexId(itemId)) throw new WorkspaceError('UNKNOWN_ITEM', 'not an item id');
    const space = await this.registry.open(spaceId);
    await ensureListed(this.core, space, itemId);
    const session = this.registry.openItem(space, itemId);
    this.history.attach(spaceId, itemId, session);
    // HISTORY-2 (R115): the first edit says which person this Yjs client id writes for.
    this.claims.set(session, claimAuthorship(session.doc, this.personId));
    return session;
  }

  /** Closes an item opened with {@link openItem}, after writing its state to the device cache. */
  closeItem(session: DocumentSessionLike): void {
    void this.history.detach(session).catch(() => {});
    this.claims.get(session)?.();
    this.claims.delete(session);
    this.registry.closeItem(session);
  }

  /** Creates the collective (assembly, then ateliers); returns the assembly's id. */
  async createCollective(plan: CollectivePlan, locale: Locale): Promise<string> {
    return (await rare()).createCollective(this.core, plan, locale);
  }

  /** Creates an atelier space in the collective, with its main board; returns its id. */
  async createAtelier(assemblyId: string, draft: AtelierDraft, locale: Locale): Promise<string> {
    return (await rare()).createAtelier(this.core, assemblyId, draft, locale);
  }

  /** Creates a document, board or minutes from a template and lists it; returns its id. */
  async createItem(
    spaceId: string,
    o: { type: ItemType; title: string; templateId?: string; locale: Locale },
  ): Promise<string> {
    return (await rare()).createItem(this.core, spaceId, o);
  }

  /** Copies an item (content, not history) under a new title; returns the copy's id. */
  async duplicateItem(spaceId: string, itemId: string, title: string): Promise<string> {
    return (await rare()).duplicateItem(this.core, spaceId, itemId, title);
  }

  /** Renames a listed item. */
  async renameItem(spaceId: string, itemId: string, title: string): Promise<void> {
    return (await rare()).renameItem(this.core, spaceId, itemId, title);
  }

  /** Archives (hides from the list) or restores an item; nothing is deleted. */
  async setArchived(spaceId: string, itemId: string, archived: boolean): Promise<void> {
    return (await rare()).setArchived(this.core, spaceId, itemId, archived);
  }

  /** Renames or re-describes a space (animateurs); an atelier's home card follows. */
  async updateSpaceDetails(
    spaceId: string,
    patch: { name?: string; description?: string; colour?: string; collectiveName?: string },
  ): Promise<void> {
    return (await rare()).updateSpaceDetails(this.core, spaceId, patch);
  }

  /** Activates an atelier or puts it to rest (assembly animateurs). */
  async setAtelierStatus(assemblyId: string, atelierId: string, status: 'active' | 'resting'): Promise<void> {
    return (await rare()).setAtelierStatus(this.core, assemblyId, atelierId, status);
  }

  /** Creates an invite link for `spaceId` (token after `#`); `origin` is the app's own origin. */
  async createInvite(spaceId: string, o: { role: Role; expiry: InviteExpiry; origin: string }): Promise<string> {
    return (await rare()).createInvite(this.core, spaceId, o);
  }

  /**
   * R39: what an invite link grants and who made it, from the verified log. Needs no identity:
   * before one exists, call `previewInvite(sync, { relayUrl, token })` directly.
   */
  async previewInvite(token: string): Promise<VerifiedInvite> {
    return (await rare()).previewInvite(this.sync, { relayUrl: this.relayUrl, token });
  }

  /** Joins a space from an invite token and remembers it; returns its id and kind. */
  async acceptInvite(token: string): Promise<{ id: string; kind: SpaceKind; assemblyId: string }> {
    return (await rare()).acceptInvite(this.core, token);
  }

  /** Changes our display name, colour or language, here and in every open space. */
  async updateMe(patch: { displayName?: string; colour?: string; locale?: Locale }): Promise<void> {
    await this.keeper.update(patch);
    await publishProfile(this.core);
  }

  /** Tells the other members where we are (`null` when leaving a space). */
  setLocation(assemblyId: string, location: PresenceLocation | null): Promise<void> {
    return setLocation(this.core, assemblyId, location);
  }

  /** Keeps an item's "last edited" and recent activity up to date; returns stop-and-flush. */
  trackEdits(spaceId: string, itemId: string, item: DocumentSessionLike, intervalMs = 60_000): () => void {
    return trackEdits(this.core, spaceId, itemId, item, intervalMs);
  }

  /**
   * Delivers the assembly's decisions addressed to this atelier as cards on its main board,
   * then reports where each card stands back to the assembly. Does nothing for observers.
   */
  reconcileDecisions(
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
  close(): Promise<void> {
    return this.registry.close();
  }
}
