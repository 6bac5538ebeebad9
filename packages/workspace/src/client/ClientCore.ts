import type { DocumentSessionLike, SpaceSessionLike, SyncApi } from '../sync/SyncApi.js';
import type { OpenSpace } from './OpenSpace.js';

/**
 * What TrameClient's commands (items/, decisions/, invites/) need of the client: its spaces
 * and sessions, its clock and identity, and how long to wait for the relay. TrameClient builds
 * one and stays the thin facade screens call; each command is a function over this core, unit
 * tested over an in-memory SyncApi (testing/FakeRelay.ts).
 */
export interface ClientCore<S extends SpaceSessionLike = SpaceSessionLike> {
  readonly sync: SyncApi<S>;
  /** Hex public key of this user. */
  readonly myId: string;
  /** The display name in the device's profile. */
  readonly displayName: string;
  /** Whether the browser says there is a network. */
  readonly online: boolean;
  /** How long to wait for the relay before going on (the device cache keeps what waits). */
  readonly saveTimeoutMs: number;
  now(): number;
  openSpace(id: string): Promise<OpenSpace<S>>;
  openDoc(space: S, docId: Uint8Array): DocumentSessionLike;
  isJoined(spaceId: string): boolean;
  /** The assembly a joined space belongs to, as this device remembers it. */
  joinedAssemblyOf(spaceId: string): string | null;
  /** Waits until the relay holds what we wrote, at most `saveTimeoutMs`. */
  settle(session: DocumentSessionLike): Promise<void>;
  /** Waits until a document holds the relay's state, at most `saveTimeoutMs` (never offline). */
  settleSynced(session: DocumentSessionLike): Promise<void>;
}
