import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Identity } from '@trame/crypto';
import type { DeviceCertLink, Role, TrameError } from '@trame/protocol';
import type {
  DocumentStatus,
  HeadStore,
  InvitePreview,
  LocalCache,
  MembershipPin,
  PendingInviteInfo,
  SpaceStatus,
  WebSocketConstructor,
} from '@trame/sync';

export type {
  DocumentStatus,
  HeadStore,
  InvitePreview,
  LocalCache,
  MembershipPin,
  PendingInviteInfo,
  SpaceStatus,
} from '@trame/sync';

/** One member of a space as the verified membership log shows it. */
export interface SpaceMemberInfo {
  /** Lower-case hex of the Ed25519 public key. */
  id: string;
  publicKey: Uint8Array;
  role: Role;
}

/** Events of a space session and their listeners' arguments (lib0 ObservableV2 style). */
export interface SpaceSessionEvents {
  membership: (members: SpaceMemberInfo[]) => void;
  /** This identity is no longer a member of the space: forget local copies. */
  removed: () => void;
  status: (status: SpaceStatus) => void;
  error: (error: TrameError) => void;
  /** R39: the verified head moved; the pin to keep in the encrypted profile. */
  pin: (pin: MembershipPin) => void;
}

/**
 * What @trame/workspace needs of @trame/sync's `SpaceSession`. Declared structurally so the
 * domain logic can be unit-tested with fakes; `SyncApi.conformance.test.ts` checks that the
 * real class satisfies it, so the two cannot drift apart.
 */
export interface SpaceSessionLike {
  readonly spaceId: Uint8Array;
  readonly spaceIdHex: string;
  readonly myRole: Role;
  /** Connection of the space's membership log (documents have their own status). */
  readonly currentStatus: SpaceStatus;
  /** R39: genesis hash and last verified (seq, head hash), kept in the encrypted profile. */
  readonly pin: MembershipPin | null;
  members(): SpaceMemberInfo[];
  /** R97: the role of a key (a person key, or a linked device with its person's role). */
  roleOf(id: string): Role;
  /** R97: the person (hex person key) a key acts for, from the verified log; null for others. */
  personOf(id: string): string | null;
  /** R97: a person's linked devices (hex), the person key not included. */
  devicesOf(person: string): string[];
  /** R94 (DEVICES-1): links a device of this person (DEVICE_ADD, the space keys sealed to it). */
  addDevice(devicePublicKey: Uint8Array): Promise<void>;
  /** R95/R96 (DEVICES-2): cuts a device off (DEVICE_REMOVE, then ROTATE); resolves with the new epoch. */
  removeDevice(deviceKey: Uint8Array): Promise<number>;
  addMember(publicKey: Uint8Array, role: Role): Promise<void>;
  setRole(publicKey: Uint8Array, role: Role): Promise<void>;
  /** Removes a member or revokes an invite, renewing the keys in the same entry (R70). */
  removeMember(publicKey: Uint8Array): Promise<void>;
  /** The current key epoch; documents below it have not moved to the new key yet (R73). */
  readonly epoch: number;
  /** R70: renews the keys (and removes `remove`, if given); resolves with the new epoch. */
  rotateKeys(o?: { remove?: Uint8Array }): Promise<number>;
  /** Returns the invite token (base64url) to put after `#` in a link (7 days unless given). */
  createInvite(o: { role: Role; expiresAt?: Date | 'never' }): Promise<string>;
  /** Pending invites as the log shows them: role, expiry, who made it (MEMBERSHIP-3). */
  pendingInvites(): PendingInviteInfo[];
  /** Revokes a pending invite and renews the space keys (ROTATE of the invite identity). */
  revokeInvite(publicKey: Uint8Array): Promise<void>;
  /** Ends a wait between two reconnection attempts at once (the browser is back online). */
  retryNow(): void;
  on<E extends keyof SpaceSessionEvents>(event: E, fn: SpaceSessionEvents[E]): unknown;
  off<E extends keyof SpaceSessionEvents>(event: E, fn: SpaceSessionEvents[E]): unknown;
  close(): void;
}

/** Events of a document session. */
export interface DocumentSessionEvents {
  status: (status: DocumentStatus) => void;
  error: (error: TrameError) => void;
  synced: () => void;
}

/** What @trame/workspace needs of @trame/sync's `DocumentSession`. */
export interface DocumentSessionLike {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** The y-websocket provider; editors only read its `awareness`. */
  readonly provider: unknown;
  readonly status: DocumentStatus;
  /** False for observers (and once removed): the relay would refuse their writes. */
  readonly canWrite: boolean;
  /** Local edits the relay has not acknowledged yet (kept in the device cache meanwhile). */
  readonly hasUnsavedChanges: boolean;
  /** R73: key epoch of the document's state at the relay (null: empty or not loaded yet). */
  readonly keyEpoch: number | null;
  /**
   * R52/R116: the key (hex; a device key) whose signed frames carried each Yjs client id of the
   * document, as this device verified it (this session, and earlier ones kept in its cache).
   */
  clientOwners(): ReadonlyMap<number, string>;
  on<E extends keyof DocumentSessionEvents>(event: E, fn: DocumentSessionEvents[E]): unknown;
  off<E extends keyof DocumentSessionEvents>(event: E, fn: DocumentSessionEvents[E]): unknown;
  /** Resolves once the cached state (if any) is in `doc`: it can be shown, even offline. */
  whenLoaded(): Promise<void>;
  /** Resolves once the document holds the relay's state. */
  whenSynced(): Promise<void>;
  /** Resolves once every local edit is acknowledged by the relay. */
  whenSaved(): Promise<void>;
  /** Writes the document's state to the device cache now (before a page goes away). */
  saveNow(): Promise<void>;
  /** Reconnects after {@link disconnect}. */
  connect(): void;
  /** Ends a wait between two reconnection attempts at once (the browser is back online). */
  retryNow(): void;
  /** Drops the relay connection (the browser went offline); edits keep being cached. */
  disconnect(): void;
  destroy(): void;
}

/** Options shared by the three ways of getting a space session. */
export interface SpaceConnectOptions {
  relayUrl: string;
  identity: Identity;
  WebSocketImpl?: WebSocketConstructor;
  /** Encrypted device cache: the space's verified log is kept there to open it offline. */
  cache?: LocalCache;
  /** R39: the history this device verified before; the relay must serve it. */
  pin?: MembershipPin | null;
  /**
   * R122/R123: on a linked device, its person and the chain certifying it: spaces it creates
   * and invites it accepts are the person's.
   */
  person?: { key: Uint8Array; chain: DeviceCertLink[] } | null;
}

/** Options of `openDocument`, as @trame/workspace uses them. */
export interface OpenDocumentOptionsLike<S> {
  space: S;
  docId: Uint8Array;
  doc?: Y.Doc;
  awareness?: Awareness;
  /** Shown next to this user's caret; the sync layer adds `id` (the signing identity). */
  user?: { name: string; color: string; [key: string]: unknown };
  /** Where document heads are remembered, to detect a relay rolling a document back. */
  headStore?: HeadStore;
  /** Encrypted device cache: the document's state and unsaved edits survive a reload. */
  cache?: LocalCache;
  /** Connect right away (default true). */
  connect?: boolean;
}

/**
 * The part of @trame/sync's module that @trame/workspace calls. The web app passes
 * `import * as sync from '@trame/sync'`; `S` is the real `SpaceSession` class there.
 */
export interface SyncApi<S extends SpaceSessionLike = SpaceSessionLike> {
  SpaceSession: {
    create(o: SpaceConnectOptions): Promise<S>;
    /** Resolves at once from a cache holding the log; otherwise rejects (e.g. NOT_A_MEMBER). */
    open(o: SpaceConnectOptions & { spaceId: Uint8Array }): Promise<S>;
    /** Rejects with NOT_A_MEMBER (or INVALID_MEMBERSHIP) if the invite was used, revoked or expired. */
    acceptInvite(o: SpaceConnectOptions & { invite: string }): Promise<S>;
    /**
     * R39: what the link grants and who made it (with a key fingerprint), once the relay's log
     * is checked against the link; rejects with INVITE_MISMATCH otherwise.
     */
    previewInvite(o: {
      relayUrl: string;
      WebSocketImpl?: WebSocketConstructor;
      invite: string;
    }): Promise<InvitePreview>;
  };
  openDocument(o: OpenDocumentOptionsLike<S>): DocumentSessionLike;
  newDocId(): Uint8Array;
}
