import type { Identity } from '@trame/crypto';
import type { WebSocketConstructor } from '../connection/WebSocketLike.js';
import type { MembershipPin } from './MembershipPin.js';
import type { SpaceSessionOptions } from './SpaceSessionOptions.js';
import type { SpaceState } from './SpaceState.js';

/** What joining through an invite needs of a space session. */
export interface JoinSession {
  readonly state: SpaceState;
  readonly identity: Identity;
  whenReady(): Promise<void>;
  close(): void;
}

/**
 * What the invite flows (openAsInvite, previewInvite, acceptInvite) need from the space session
 * class: SpaceSession implements it, and the flows depend only on this port, so neither module
 * imports the other.
 */
export interface InviteSessionPort<S extends JoinSession> {
  /** Connects to a space as `identity`, pinned to `pin` (R39), without waiting for its log. */
  connect(o: {
    relayUrl: string;
    identity: Identity;
    spaceId: Uint8Array;
    WebSocketImpl: WebSocketConstructor | undefined;
    pin: MembershipPin;
  }): S;
  /** Appends an entry already signed at `seq` through `session`; resolves once stored. */
  append(session: S, raw: Uint8Array, seq: number): Promise<Uint8Array>;
  /** Opens the space as a member (SpaceSession.open). */
  open(o: SpaceSessionOptions & { spaceId: Uint8Array }): Promise<S>;
}
