import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { LocalProfile, StoredChainLink } from '../../local/LocalProfile.js';
import type { ClientCore } from '../ClientCore.js';
import type { ProfileKeeper } from '../profile/ProfileKeeper.js';
import type { DeviceInfo, DeviceSpaceResult } from './DeviceInfo.js';
import { linkProfileOf, type LinkProfile } from './LinkProfile.js';

/** The commands, loaded on first use (WEBAPP-3: the document route never needs them). */
const commands = () => import('./deviceCommands.js');

/**
 * `client.devices` (DEVICES-1/2, ADR 0008): this person's devices. The contract devlink's
 * linking channel and screens build on (see /work/coord/README.md):
 * - `list()`: the devices, with name and last seen;
 * - `addDevice(devicePublicKey, name)`: DEVICE_ADD in every joined space, per-space results;
 * - `remove(deviceId)`: DEVICE_REMOVE + ROTATE in every joined space, per-space results;
 * - `exportProfile()`: what the new device needs besides its own key (`profileFromLink`).
 */
export class Devices<S extends SpaceSessionLike = SpaceSessionLike> {
  constructor(
    private readonly core: ClientCore<S>,
    private readonly profile: ProfileKeeper,
  ) {}

  /** Hex person key this device acts for. */
  get personId(): string {
    return this.core.personId;
  }

  async list(): Promise<DeviceInfo[]> {
    return (await commands()).listDevices(this.core);
  }

  async addDevice(devicePublicKey: Uint8Array, name: string): Promise<DeviceSpaceResult[]> {
    return (await commands()).addDevice(this.core, devicePublicKey, name);
  }

  async remove(deviceId: string): Promise<DeviceSpaceResult[]> {
    return (await commands()).removeDevice(this.core, deviceId);
  }

  /**
   * ADR 0008 point 5: on the device holding the person key, once the phrase's person backup
   * holds it: links a new key of this device's own in every space and returns the profile to
   * restart with (see becomeOwnDevice), with its device chain (R120).
   */
  async becomeOwnDevice(deviceName: string): Promise<LocalProfile> {
    return (await commands()).becomeOwnDevice(this.core, this.profile.current, deviceName, Date.now());
  }

  /**
   * R120 (ADR 0010): the device chain to hand a device being linked (hex, as the link carries
   * it), so it creates spaces and accepts invites as the person; null when this device cannot
   * certify (see `chainForDevice`).
   */
  async certify(devicePublicKey: Uint8Array): Promise<StoredChainLink[] | null> {
    return (await commands()).certifyForLink(this.core, this.profile.current.deviceChain ?? null, devicePublicKey);
  }

  exportProfile(): LinkProfile {
    return linkProfileOf(this.profile.current, this.core.myId);
  }
}
