import type { JoinedSpace, LocalProfile } from './LocalProfile.js';

/** The profile with `space` remembered (replacing an older entry for the same id). */
export function addJoinedSpace(profile: LocalProfile, space: JoinedSpace): LocalProfile {
  return { ...profile, spaces: [...profile.spaces.filter((s) => s.id !== space.id), space] };
}
