import type { Locale } from '../../collective/Locale.js';
import { addJoinedSpace } from '../../local/addJoinedSpace.js';
import type { JoinedSpace, LocalProfile } from '../../local/LocalProfile.js';
import type { ProfileStore } from '../../local/ProfileStore.js';
import { pinToStoredPin } from '../../local/storedPin.js';
import type { MembershipPin } from '../../sync/SyncApi.js';

/**
 * The device's profile as the client keeps it: the person's name, colour and language, and the
 * spaces joined with their R39 pins. Every change is saved to the profile store at once.
 */
export class ProfileKeeper {
  private profile: LocalProfile;
  /** R39: pins of spaces being created or joined, until they are remembered. */
  private readonly pendingPins = new Map<string, NonNullable<JoinedSpace['pin']>>();

  constructor(
    profile: LocalProfile,
    private readonly store: ProfileStore,
  ) {
    this.profile = profile;
  }

  /** The profile as last saved. */
  get current(): LocalProfile {
    return this.profile;
  }

  /** The space as this device joined it, or undefined. */
  joined(spaceId: string): JoinedSpace | undefined {
    return this.profile.spaces.find((s) => s.id === spaceId);
  }

  isJoined(spaceId: string): boolean {
    return this.joined(spaceId) !== undefined;
  }

  /** Remembers a space created or joined, with the pin its session reported meanwhile. */
  async remember(space: JoinedSpace): Promise<void> {
    const pin = this.pendingPins.get(space.id);
    this.pendingPins.delete(space.id);
    this.profile = addJoinedSpace(this.profile, pin ? { ...space, pin } : space);
    await this.store.save(this.profile);
  }

  /**
   * R39: keeps the space's verified history (genesis, last seq and head) in the encrypted
   * profile, apart from the cached log, so that a relay cannot later serve another one. A pin
   * never moves back.
   */
  async savePin(spaceId: string, pin: MembershipPin): Promise<void> {
    const stored = pinToStoredPin(pin);
    if (!stored) return;
    const joined = this.joined(spaceId);
    if (!joined) {
      this.pendingPins.set(spaceId, stored);
      return;
    }
    if (joined.pin && joined.pin.seq >= stored.seq) return;
    this.profile = addJoinedSpace(this.profile, { ...joined, pin: stored });
    await this.store.save(this.profile).catch(() => {});
  }

  /** Drops a space from the profile (a failing store does not stop the forgetting). */
  async forget(spaceId: string): Promise<void> {
    this.profile = { ...this.profile, spaces: this.profile.spaces.filter((s) => s.id !== spaceId) };
    await this.store.save(this.profile).catch(() => {});
  }

  /** Changes the person's name (trimmed), colour or language. */
  async update(patch: { displayName?: string; colour?: string; locale?: Locale }): Promise<void> {
    this.profile = {
      ...this.profile,
      ...(patch.displayName !== undefined ? { displayName: patch.displayName.trim() } : {}),
      ...(patch.colour !== undefined ? { colour: patch.colour } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    };
    await this.store.save(this.profile);
  }
}
