import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { ObservableV2 } from 'lib0/observable';
import { toHex, type MembershipView, type TrameError } from '@trame/protocol';
import type { Identity } from '@trame/crypto';
import type { SpaceState } from '../space/SpaceState.js';
import { defaultWebSocket, type WebSocketConstructor } from '../connection/WebSocketLike.js';
import type { HeadStore } from '../heads/HeadStore.js';
import { MemoryHeadStore } from '../heads/MemoryHeadStore.js';
import { DocumentEngine } from './DocumentEngine.js';
import type { DocumentStatus } from './DocumentStatus.js';
import type { CompactionPolicy } from '../outbox/CompactionPolicy.js';
import type { SignaturePolicy } from '../outbox/mustSign.js';
import { createTransportClass, type TransportClass } from '../transport/createTransportClass.js';
import type { LocalCache } from '../cache/LocalCache.js';
import { ClientOwners } from './ClientOwners.js';

/** What a document needs from its space: satisfied by a SpaceSession. */
export interface SpaceContext {
  relayUrl: string;
  identity: Identity;
  state: SpaceState;
  WebSocketImpl?: WebSocketConstructor;
}

export interface OpenDocumentOptions {
  space: SpaceContext;
  docId: Uint8Array;
  doc?: Y.Doc;
  awareness?: Awareness;
  /** Shown to others next to this user's caret; `id` is set to the identity automatically. */
  user?: { name: string; color: string; [key: string]: unknown };
  /** Where heads are remembered to detect a rollback across sessions (default: in memory). */
  headStore?: HeadStore;
  WebSocketImpl?: WebSocketConstructor;
  compaction?: CompactionPolicy;
  /** Least time between two content frames, default 16 ms (one display frame; keeps under the relay's rate limit). */
  minUpdateIntervalMs?: number;
  /** R56: longest wait for DURABLE after a forwarded frame before DURABLE_MISSING (default 10 s). */
  durableBoundMs?: number;
  /** R51: how often UPDATEs are signed (default SPARSE_SIGNATURE_POLICY: 32 frames or 1 s; EVERY_FRAME_SIGNATURE_POLICY). */
  signaturePolicy?: SignaturePolicy;
  /** The author's membership view written in content frames (MEMBERSHIP-8); default the space's log. */
  membershipView?: () => MembershipView;
  /** Connect right away (default true). */
  connect?: boolean;
  /**
   * Device cache (wrap it in EncryptedCache): the document's state, unsaved edits included, is
   * kept there so that it opens and can be edited offline; edits reach the relay on reconnect.
   */
  cache?: LocalCache;
}

/** Origin of the transaction that restores the cached state. */
const CACHE_ORIGIN = Symbol('trame-cache');
const CACHE_SAVE_DELAY_MS = 400;

type SessionEvents = {
  status: (status: DocumentStatus) => void;
  error: (error: TrameError) => void;
  synced: () => void;
  frame: (kind: number, bytes: number) => void;
};

const sharedHeads = new MemoryHeadStore();

/**
 * An open, end-to-end encrypted document: a Y.Doc kept in sync through y-websocket's
 * WebsocketProvider, whose socket is Trame's encrypting transport. Bind editors to `doc`,
 * `awareness` and `provider` as with any Yjs provider.
 */
export class DocumentSession extends ObservableV2<SessionEvents> {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly provider: WebsocketProvider;
  readonly engine: DocumentEngine;
  private readonly transport: TransportClass;
  readonly docId: Uint8Array;
  private readonly cache: LocalCache | undefined;
  private readonly cacheKey: string;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly loaded: Promise<void>;
  private readonly owners: ClientOwners;

  constructor(o: OpenDocumentOptions) {
    super();
    this.docId = o.docId;
    this.doc = o.doc ?? new Y.Doc();
    this.awareness = o.awareness ?? new Awareness(this.doc);
    const me = toHex(o.space.identity.publicKey);
    if (o.user) this.awareness.setLocalStateField('user', { ...o.user, id: me });
    // R44: receivers drop states whose user.id is not the signer, so always claim our own.
    this.awareness.on('change', () => {
      const user = this.awareness.getLocalState()?.user as { id?: string } | undefined;
      if (user && user.id !== me) this.awareness.setLocalStateField('user', { ...user, id: me });
    });
    this.engine = new DocumentEngine({
      relayUrl: o.space.relayUrl,
      identity: o.space.identity,
      space: o.space.state,
      docId: o.docId,
      awareness: this.awareness,
      headStore: o.headStore ?? sharedHeads,
      WebSocketImpl: o.WebSocketImpl ?? o.space.WebSocketImpl ?? defaultWebSocket(),
      ...(o.compaction ? { compaction: o.compaction } : {}),
      ...(o.minUpdateIntervalMs !== undefined ? { minUpdateIntervalMs: o.minUpdateIntervalMs } : {}),
      ...(o.durableBoundMs !== undefined ? { durableBoundMs: o.durableBoundMs } : {}),
      ...(o.signaturePolicy ? { signaturePolicy: o.signaturePolicy } : {}),
      ...(o.membershipView ? { membershipView: o.membershipView } : {}),
    });
    this.owners = new ClientOwners(() => this.engine.yjsOwners);
    this.transport = createTransportClass(this.engine);
    this.engine.on('status', (s) => this.emit('status', [s]));
    this.engine.on('error', (e) => this.emit('error', [e]));
    this.engine.on('frame', (k, n) => this.emit('frame', [k, n]));
    this.cache = o.cache;
    this.cacheKey = `doc:${o.space.state.spaceIdHex}:${toHex(o.docId)}`;
    this.provider = new WebsocketProvider(o.space.relayUrl, toHex(o.docId), this.doc, {
      awareness: this.awareness,
      WebSocketPolyfill: this.transport as unknown as typeof WebSocket,
      // Tabs must not exchange plaintext behind the relay's back, and tests in one process must
      // really go through the relay.
      disableBc: true,
      connect: false,
      // MINUTES-7: the transport paces reconnections (exponential, jittered, reset on success).
      maxBackoffTime: 0,
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) this.emit('synced', []);
    });
    const connect = o.connect ?? true;
    this.loaded = this.restore().then(() => {
      if (connect && !this.destroyed) this.provider.connect();
    });
    if (this.cache) this.doc.on('update', this.scheduleSave);
  }

  private destroyed = false;

  /** Applies the cached state before connecting: the provider then offers what the relay lacks. */
  private async restore(): Promise<void> {
    if (!this.cache) return;
    try {
      const [bytes, owners] = await Promise.all([
        this.cache.get(this.cacheKey),
        this.cache.get(`${this.cacheKey}:owners`).catch(() => undefined),
      ]);
      if (owners) this.owners.load(owners);
      if (bytes && !this.destroyed) Y.applyUpdate(this.doc, bytes, CACHE_ORIGIN);
    } catch {
      /* an unreadable cache only costs offline opening */
    }
  }

  /**
   * R116: which author (hex key; a device key under protocol 4) each Yjs client id of the
   * document belongs to, as far as this device verified it (R52), in this session or an earlier
   * one (kept in the device cache). A client id missing here has no known author.
   */
  clientOwners(): ReadonlyMap<number, string> {
    return this.owners.current();
  }

  /** Writes the client ids' owners to the cache when some were learned since the last write. */
  private async saveOwners(): Promise<void> {
    const bytes = this.cache ? this.owners.encode() : null;
    if (bytes) await this.cache!.set(`${this.cacheKey}:owners`, bytes);
  }

  private readonly scheduleSave = (_u: Uint8Array, origin: unknown): void => {
    if (origin === CACHE_ORIGIN || this.saveTimer) return;
    this.saveTimer = setTimeout(() => void this.saveNow(), CACHE_SAVE_DELAY_MS);
  };

  /** Writes the document's state (encrypted by the cache) now. */
  async saveNow(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.cache) return;
    try {
      await this.cache.set(this.cacheKey, Y.encodeStateAsUpdate(this.doc));
      await this.saveOwners();
    } catch {
      /* best effort */
    }
  }

  /** Resolves once the cached state (if any) is in `doc`: show it, even offline. */
  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  get status(): DocumentStatus {
    return this.engine.currentStatus;
  }

  get canWrite(): boolean {
    return this.engine.canWrite;
  }

  get hasUnsavedChanges(): boolean {
    return this.engine.hasUnsavedChanges;
  }

  /**
   * R73: the key epoch of the document's state at the relay as this client last saw it (null:
   * empty or not loaded). Below the space's epoch, the document has not moved to the new key.
   */
  get keyEpoch(): number | null {
    return this.engine.keyEpoch;
  }

  /** Resolves once the document holds the relay's state. */
  whenSynced(): Promise<void> {
    if (this.provider.synced) return Promise.resolve();
    return new Promise((resolve) => this.once('synced', () => resolve()));
  }

  /** Resolves once every local edit is acknowledged by the relay (durable). */
  whenSaved(): Promise<void> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        if (this.provider.synced && this.engine.currentStatus === 'saved' && !this.engine.hasUnsavedChanges) {
          resolve();
          return true;
        }
        return false;
      };
      if (check()) return;
      const onSaved = (): void => {
        if (check()) {
          this.engine.off('saved', onSaved);
          this.off('synced', onSaved);
        }
      };
      this.engine.on('saved', onSaved);
      this.on('synced', onSaved);
    });
  }

  connect(): void {
    this.provider.connect();
  }

  /** Ends a wait between two reconnection attempts at once (the browser is back online). */
  retryNow(): void {
    this.transport.retryNow();
  }

  disconnect(): void {
    this.provider.disconnect();
  }

  override destroy(): void {
    this.destroyed = true;
    if (this.cache) {
      this.doc.off('update', this.scheduleSave);
      if (this.saveTimer) void this.saveNow();
      else void this.saveOwners().catch(() => {});
    }
    this.provider.destroy();
    this.engine.destroyEngine();
    super.destroy();
  }
}

/** Opens an encrypted document of a space. */
export function openDocument(o: OpenDocumentOptions): DocumentSession {
  return new DocumentSession(o);
}
