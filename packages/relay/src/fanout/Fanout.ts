import type { LiveFrame } from '../hub/LiveFrame.js';
import type { Peer } from '../hub/Peer.js';
import type { Logger } from '../logging/Logger.js';

/** What a fan-out needs from the relay it serves. Keys are lower-case hex. */
export interface FanoutHost {
  /** Connections of a document on this instance. */
  documentPeers(spaceKey: string, docKey: string): Peer[];
  /** Connections of a space on this instance: space-level ones and those of its documents. */
  spacePeers(spaceKey: string): Peer[];
  /** Runs `task` in the document's write queue, where writes commit and are fanned out. */
  inDocumentQueue<T>(spaceKey: string, docKey: string, task: () => Promise<T>): Promise<T>;
  /** Runs `task` in the space's membership queue. */
  inSpaceQueue<T>(spaceKey: string, task: () => Promise<T>): Promise<T>;
  readonly logger: Logger;
  /** Document frames that were durable before they were published went out (R47). */
  durableDelivered?(spaceKey: string, docKey: string): void;
}

/** Health of the fan-out, shown by `GET /health`. */
export interface FanoutHealth {
  ok: boolean;
  kind: string;
  [key: string]: unknown;
}

/** Where an initial state stands (R13): what a joining connection already holds. */
export interface InitialPositionSeqs {
  /** Membership seq of the state read (-1: none). */
  membershipSeq: number;
  /** Commit seq of the document in the state read (undefined for space-level connections or adapters without one). */
  documentSeq: number | undefined;
}

/**
 * Carries accepted frames from the instance that committed them to every connection of the
 * document (or space), on this instance and on the others (R27, R33). The relay calls the
 * `publish*` methods inside the document's (space's) queue right after COMMIT, in commit
 * order; a fan-out must deliver them to each connection in that order.
 *
 * {@link InProcessFanout} is the single-process default; {@link RedisFanout} spans instances.
 */
export interface Fanout {
  /** Shown in health reports, e.g. `in-process`, `redis`. */
  readonly kind: string;
  /** Binds the fan-out to the relay it serves; called once by `createRelay`. */
  attach(host: FanoutHost): void;
  /** Throws `TrameError('UNAVAILABLE')` when an accepted write could not reach the other instances. */
  checkWritable(): void;
  /**
   * A connection joined the hub's rooms of this space (and document): resolves once every frame
   * committed from now on will reach it. Called before its initial state is read (R13).
   */
  join(spaceKey: string, docKey: string | null): Promise<void>;
  /**
   * The connection's initial state was read at `at`: resolves once every frame up to there has
   * been handed to the room's connections, so that the connection's queue (filtered against its
   * state) holds everything after it, exactly once (R13).
   */
  settle(spaceKey: string, docKey: string | null, at: InitialPositionSeqs): Promise<void>;
  /** A committed UPDATE or SNAPSHOT, with the document's commit seq when storage assigns one. */
  publishDocument(spaceKey: string, docKey: string, frame: LiveFrame, seq: number | undefined, origin: Peer): void;
  /** An EPHEMERAL frame: never stored, best effort. */
  publishEphemeral(spaceKey: string, docKey: string, frame: LiveFrame, origin: Peer): void;
  /**
   * A committed MEMBERSHIP entry; connections of identities in `lostAccess` are closed with
   * 4403 wherever they are (R33).
   */
  publishMembership(
    spaceKey: string,
    frame: LiveFrame & { kind: 'membership' },
    lostAccess: readonly string[],
    origin: Peer,
  ): void;
  health(): Promise<FanoutHealth>;
  /** Stops background work and closes connections; the relay must be closed first. */
  close(): Promise<void>;
}
