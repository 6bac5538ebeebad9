import type { Identity } from '@trame/crypto';
import type { DeviceCertLink } from '@trame/protocol';
import type { LocalCache } from '../cache/LocalCache.js';
import type { WebSocketConstructor } from '../connection/WebSocketLike.js';
import type { MembershipPin } from './MembershipPin.js';

/** What a space session is opened with. */
export interface SpaceSessionOptions {
  relayUrl: string;
  identity: Identity;
  WebSocketImpl?: WebSocketConstructor;
  /**
   * Device cache (wrap it in EncryptedCache): the verified log is kept there so that the space
   * and its documents open without the relay, and re-verified on every load.
   */
  cache?: LocalCache;
  /**
   * R39: what this device verified of the space before (genesis hash, last seq and head hash),
   * kept in the encrypted profile. The relay must serve that history; another genesis, a
   * shorter log or another entry at a verified position is refused with a typed error.
   */
  pin?: MembershipPin | null;
  /**
   * R122/R123 (ADR 0010): on a linked device, the person it acts for and the chain certifying
   * this device as hers (given at link time). Spaces it creates and invites it accepts are then
   * the person's, with this device as her device there. Absent on the person key's own device.
   */
  person?: PersonChain | null;
}

/** A person key and the chain that certifies a device as one of hers (R120). */
export interface PersonChain {
  key: Uint8Array;
  chain: DeviceCertLink[];
}
