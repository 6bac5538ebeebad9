import type { Locale } from '../../collective/Locale.js';
import type { JoinedSpace, LocalProfile } from '../../local/LocalProfile.js';

/**
 * DEVICES-1: what a linked device receives from the device that linked it (through devlink's
 * end-to-end encrypted channel): the person it acts for, the person's name, colour and
 * language, and the spaces with their R39 pins. No secret key: the new device keeps its own.
 */
export interface LinkProfile {
  /** Hex person key. */
  personId: string;
  displayName: string;
  colour: string;
  locale: Locale;
  spaces: JoinedSpace[];
}

/** The link profile of the person this device acts for. Pure. */
export function linkProfileOf(profile: LocalProfile, myId: string): LinkProfile {
  return {
    personId: profile.personId ?? myId,
    displayName: profile.displayName,
    colour: profile.colour,
    locale: profile.locale,
    spaces: profile.spaces.map((s) => ({ ...s, ...(s.pin ? { pin: { ...s.pin } } : {}) })),
  };
}

/**
 * The new device's profile from a link profile: its own secret key, the person it acts for,
 * the person's name and colour, the spaces and pins. Pure.
 */
export function profileFromLink(
  link: LinkProfile,
  o: { secretKey: Uint8Array; deviceName: string; now: number },
): LocalProfile {
  return {
    version: 1,
    secretKey: o.secretKey,
    personId: link.personId,
    deviceName: o.deviceName,
    displayName: link.displayName,
    colour: link.colour,
    locale: link.locale,
    spaces: link.spaces.map((s) => ({ ...s })),
    createdAt: o.now,
  };
}
