import type { Awareness } from 'y-protocols/awareness';
import type { MembershipView } from '@trame/protocol';
import type { Identity } from '@trame/crypto';
import type { WebSocketConstructor } from '../connection/WebSocketLike.js';
import type { HeadStore } from '../heads/HeadStore.js';
import type { CompactionPolicy } from '../outbox/CompactionPolicy.js';
import type { SignaturePolicy } from '../outbox/mustSign.js';
import type { SpaceState } from '../space/SpaceState.js';

/** What a DocumentEngine is built with. */
export interface DocumentEngineOptions {
  relayUrl: string;
  identity: Identity;
  space: SpaceState;
  docId: Uint8Array;
  awareness: Awareness;
  headStore: HeadStore;
  WebSocketImpl: WebSocketConstructor;
  compaction?: CompactionPolicy;
  /** Least time between two content frames (default 16 ms); 0 for trusted bulk writers. */
  minUpdateIntervalMs?: number;
  /**
   * The author's membership view written in every content frame (MEMBERSHIP-8); default the
   * space state's last verified entry.
   */
  membershipView?: () => MembershipView;
  /** R56: longest wait for DURABLE after a forwarded frame before it is reported (default 10 s). */
  durableBoundMs?: number;
  /** R51: how often UPDATEs are signed (default SPARSE_SIGNATURE_POLICY: 32 frames or 1 s; EVERY_FRAME_SIGNATURE_POLICY). */
  signaturePolicy?: SignaturePolicy;
}
