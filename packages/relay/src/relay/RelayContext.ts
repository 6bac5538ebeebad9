import type { Admission } from '../admission/Admission.js';
import type { EphemeralBudgets } from '../limits/EphemeralBudgets.js';
import type { KeyedBuckets } from '../limits/KeyedBuckets.js';
import type { LoadGate } from '../limits/LoadGate.js';
import type { RelayMetrics } from '../metrics/RelayMetrics.js';
import type { KeyedSerialQueue } from '../concurrency/KeyedSerialQueue.js';
import type { Connection } from '../connection/Connection.js';
import type { WriteCoalescer } from '../connection/WriteCoalescer.js';
import type { ChainLinks } from '../documents/ChainLinks.js';
import type { DurabilityNotice } from '../documents/DurabilityNotice.js';
import type { Fanout } from '../fanout/Fanout.js';
import type { Hub } from '../hub/Hub.js';
import type { Logger } from '../logging/Logger.js';
import type { RelayStorage } from '../storage/RelayStorage.js';
import type { RelayLimits } from './RelayLimits.js';
import type { SpaceCreationPolicy } from '../admission/SpaceCreationPolicy.js';

/** Everything a connection shares with the rest of the relay. */
export interface RelayContext {
  readonly storage: RelayStorage;
  readonly logger: Logger;
  readonly limits: RelayLimits;
  /** R68: who may create spaces. */
  readonly spaceCreation: SpaceCreationPolicy;
  readonly hub: Hub<Connection>;
  /** Carries accepted frames to the other connections, on this instance and on the others. */
  readonly fanout: Fanout;
  /** Serializes writes and broadcasts per document (key `space/doc`, hex). */
  readonly documentQueue: KeyedSerialQueue;
  /**
   * Orders ACKs and forwards per document once their commits are durable, when the storage
   * pipelines writes (the document's write queue has moved on by then).
   */
  readonly deliveryQueue: KeyedSerialQueue;
  /** Batches each socket's writes of one event-loop turn into one system call. */
  readonly writes: WriteCoalescer;
  /** Tells each document's connections when what they were forwarded is durable (R47). */
  readonly durability: DurabilityNotice;
  /** Serializes membership writes and broadcasts per space (key: space hex). */
  readonly spaceQueue: KeyedSerialQueue;
  /** Connections per address and pending connections (R60). */
  readonly admission: Admission;
  /** R65: byte budgets per identity and per space, space creations per address. */
  readonly budgets: { identity: KeyedBuckets; space: KeyedBuckets; spaceCreation: KeyedBuckets };
  /** R61: initial states held in memory at once. */
  readonly loads: LoadGate;
  /** Counters behind `GET /metrics`. */
  readonly metrics: RelayMetrics;
  /** R117: the chain link of each author's last accepted update, so R80 need not read it back. */
  readonly chainLinks: ChainLinks;
  /** Awareness budgets per identity and document (R63). */
  readonly ephemeral: EphemeralBudgets;
  /** R16: the hosts clients reach this relay by, or null to take each request's `Host`. */
  readonly publicHosts: readonly string[] | null;
  /** Wall clock in ms (invite expiry, R35). */
  readonly now: () => number;
  /** Tracks a promise the relay must wait for before shutting down. */
  readonly track: (work: Promise<unknown>) => void;
}
