import type { Locale } from '../collective/Locale.js';
import type { JoinedSpace, StoredChainLink } from '../local/LocalProfile.js';

/** New device → account device, once its person confirmed the comparison code (PROTOCOL.md §11.3). */
export interface DeviceOffer {
  t: 'device';
  /** Hex Ed25519 public key the new device made for itself (its device key, ADR 0008). */
  key: string;
  /** A name for the device list ("Téléphone Android"). */
  name: string;
}

/** Account device → new device, once the new device's key is added to every space. */
export interface LinkedProfile {
  t: 'linked';
  /** Hex public key of the person (ADR 0008: the identity others see); devcore's `LinkProfile.personId`. */
  personId: string;
  displayName: string;
  colour: string;
  locale: Locale;
  /** The spaces with their R39 pins (genesis and verified head), as the account device holds them. */
  spaces: JoinedSpace[];
  /**
   * R120 (ADR 0010): the chain certifying the new device's key as the person's (hex links), so
   * it creates spaces and accepts invites as her. Absent when the account device cannot certify.
   */
  chain?: StoredChainLink[];
}

/** New device → account device: the profile is saved, the link is done. */
export interface LinkDone {
  t: 'done';
}
