import type { Locale } from '../collective/Locale.js';
import type { SpaceKind } from '../space/SpaceIndex.js';

/** A space this device has joined. Ids only: names live in the encrypted index documents. */
export interface JoinedSpace {
  /** Hex space id. */
  id: string;
  kind: SpaceKind;
  /** Hex id of the assembly the space belongs to (its own id for an assembly). */
  assemblyId: string;
  joinedAt: number;
  /**
   * R39: the space's history as this device verified it (hex hashes): a relay serving another
   * genesis, a shorter log or a fork is refused. Absent for spaces joined before it existed.
   */
  pin?: { genesisHash: string; seq: number; headHash: string };
}

/** One link of a device chain (R120) as the profile and the linking channel keep it: hex. */
export interface StoredChainLink {
  device: string;
  issuedAt: number;
  signature: string;
}

/**
 * What this device keeps about its user between visits (IndexedDB). The secret key never
 * leaves the device. `displayName` is also kept here so it can be published into spaces joined
 * later; docs/adr/0003-web-encrypted-local-cache.md says how this record gets encrypted at rest.
 */
export interface LocalProfile {
  version: 1;
  /**
   * Ed25519 secret key, 64 bytes: this device's key (ADR 0008). On a person's first device (and
   * every device made before linking existed) it is the person key itself.
   */
  secretKey: Uint8Array;
  /**
   * DEVICES-1/2 (ADR 0008): hex of the person key this device acts for, on a linked device;
   * absent when the device's own key is the person key (a first or legacy device).
   */
  personId?: string;
  /**
   * R120 (ADR 0010): on a linked device, the chain certifying its key as the person's (hex),
   * given at link time: spaces it creates and invites it accepts are then the person's
   * (R122, R123). Absent on the person key's device, and on devices linked before protocol 5.
   */
  deviceChain?: StoredChainLink[];
  /** How this device is named in Réglages' device list ("Téléphone de Alice"), if named. */
  deviceName?: string;
  displayName: string;
  colour: string;
  locale: Locale;
  spaces: JoinedSpace[];
  createdAt: number;
}
