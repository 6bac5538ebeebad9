import type { JoinedSpace } from '../local/LocalProfile.js';
import type { PresenceLocation, PresenceUser } from '../presence/PresenceUser.js';
import type { DocumentSessionLike, SpaceConnectOptions, SpaceSessionLike, SyncApi } from '../sync/SyncApi.js';
import type { OpenSpace } from './OpenSpace.js';

/**
 * What TrameClient's commands (collective/, items/, decisions/, invites/, profile/) need of the
 * client: its spaces and sessions, its clock and identity, and how long to wait for the relay.
 * `buildClientCore` builds it over a SpaceRegistry and a ProfileKeeper; TrameClient stays the thin
 * facade screens call; each command is a function over this core, unit tested over an in-memory
 * SyncApi (testing/FakeRelay.ts, testing/fakeCore.ts).
 */
export interface ClientCore<S extends SpaceSessionLike = SpaceSessionLike> {
  readonly sync: SyncApi<S>;
  /** Hex public key of this device (its AUTH identity and content author, ADR 0008). */
  readonly myId: string;
  /** DEVICES-1/2: hex person key this device acts for (`myId` on a first or legacy device). */
  readonly personId: string;
  /** This device's name in the device list ('' when none). */
  readonly deviceName: string;
  /** The spaces this device has joined (its profile). */
  joinedSpaces(): JoinedSpace[];
  /** The display name in the device's profile. */
  readonly displayName: string;
  /** This user as presence shows them (name and colour of the device's profile). */
  readonly me: PresenceUser;
  /** Where this user is, published in the assembly index's awareness. */
  location: PresenceLocation | null;
  /** Whether the browser says there is a network. */
  readonly online: boolean;
  /** How long to wait for the relay before going on (the device cache keeps what waits). */
  readonly saveTimeoutMs: number;
  now(): number;
  /** Options of the sync layer's SpaceSession.create/open/acceptInvite for this identity. */
  connectOptions(): SpaceConnectOptions;
  openSpace(id: string): Promise<OpenSpace<S>>;
  /** Registers a session we created or joined, so openSpace returns it. */
  adopt(id: string, session: S): OpenSpace<S>;
  /** Whether the space is open (or opening) in this client. */
  isOpen(spaceId: string): boolean;
  /** The spaces open now. */
  openSpaces(): Promise<Array<OpenSpace<S>>>;
  /** Documents open on screen. */
  liveSessions(): DocumentSessionLike[];
  openDoc(space: S, docId: Uint8Array): DocumentSessionLike;
  isJoined(spaceId: string): boolean;
  /** The assembly a joined space belongs to, as this device remembers it. */
  joinedAssemblyOf(spaceId: string): string | null;
  /** Remembers a space created or joined in the device's profile (with its R39 pin). */
  remember(space: JoinedSpace): Promise<void>;
  /** Waits until the relay holds what we wrote, at most `saveTimeoutMs`. */
  settle(session: DocumentSessionLike): Promise<void>;
  /** Waits until a document holds the relay's state, at most `saveTimeoutMs` (never offline). */
  settleSynced(session: DocumentSessionLike): Promise<void>;
}
