import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Identity } from '@trame/crypto';
import type { Role, TrameError } from '@trame/protocol';

/** One member of a space as the verified membership log shows it. */
export interface SpaceMemberInfo {
  /** Lower-case hex of the Ed25519 public key. */
  id: string;
  publicKey: Uint8Array;
  role: Role;
}

/**
 * What @trame/workspace needs of a `SpaceSession` (the @trame/sync contract). Declared here,
 * structurally, so the domain package builds and is tested without the sync layer; the real
 * class satisfies it.
 */
export interface SpaceSessionLike {
  readonly spaceId: Uint8Array;
  readonly spaceIdHex: string;
  readonly myRole: Role;
  members(): SpaceMemberInfo[];
  roleOf(id: string): Role;
  addMember(publicKey: Uint8Array, role: Role): Promise<void>;
  setRole(publicKey: Uint8Array, role: Role): Promise<void>;
  removeMember(publicKey: Uint8Array): Promise<void>;
  createInvite(o: { role: Role; expiresAt?: Date }): Promise<string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the contract's listener signature
  on(event: 'membership' | 'status' | 'error', fn: (...args: any[]) => void): void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the contract's listener signature
  off(event: 'membership' | 'status' | 'error', fn: (...args: any[]) => void): void;
  close(): void;
}

/** Connection and durability state of one open document, shown in the status line. */
export type DocumentStatus = 'connecting' | 'loading' | 'saved' | 'saving' | 'offline' | 'error';

/** What @trame/workspace needs of a `DocumentSession` (the @trame/sync contract). */
export interface DocumentSessionLike {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** The y-websocket provider; editors only read its `awareness`. */
  readonly provider: unknown;
  readonly status: DocumentStatus;
  readonly canWrite: boolean;
  on(event: 'status', fn: (s: DocumentStatus) => void): void;
  on(event: 'error', fn: (e: TrameError) => void): void;
  whenSynced(): Promise<void>;
  whenSaved(): Promise<void>;
  destroy(): void;
}

/** Options shared by the three ways of getting a space session. */
export interface SpaceConnectOptions {
  relayUrl: string;
  identity: Identity;
  WebSocketImpl?: typeof WebSocket;
}

/**
 * The part of @trame/sync's module that @trame/workspace calls. The web app passes
 * `import * as sync from '@trame/sync'`; `S` is the real `SpaceSession` class there.
 */
export interface SyncApi<S extends SpaceSessionLike = SpaceSessionLike> {
  SpaceSession: {
    create(o: SpaceConnectOptions): Promise<S>;
    open(o: SpaceConnectOptions & { spaceId: Uint8Array }): Promise<S>;
    acceptInvite(o: SpaceConnectOptions & { invite: string }): Promise<S>;
  };
  openDocument(o: {
    space: S;
    docId: Uint8Array;
    doc?: Y.Doc;
    awareness?: Awareness;
    WebSocketImpl?: typeof WebSocket;
  }): DocumentSessionLike;
  newDocId(): Uint8Array;
}
