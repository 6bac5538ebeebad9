import type { LocalProfile } from '../LocalProfile.js';

/**
 * ADR 0008 point 5: the profile a restore starts from. The person backup (written once, when the
 * phrase was saved) gives the person key; the profile backup, when there is one, is newer and
 * gives name, colour, language and the spaces with their pins. Spaces of the person backup that
 * the profile backup lacks are kept: whoever holds the profile keys (a device, possibly seized)
 * can rewrite that backup but cannot make the person forget the spaces she had when she saved
 * her phrase. Pure.
 */
export function mergeBackups(person: LocalProfile, profile: LocalProfile | null): LocalProfile {
  const own: LocalProfile = { ...person };
  delete own.personId;
  delete own.deviceName;
  if (!profile) return own;
  const ids = new Set(profile.spaces.map((s) => s.id));
  return {
    ...own,
    displayName: profile.displayName,
    colour: profile.colour,
    locale: profile.locale,
    spaces: [...profile.spaces.map((s) => ({ ...s })), ...person.spaces.filter((s) => !ids.has(s.id))],
  };
}
