import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import type { ProfileKeeper } from '../profile/ProfileKeeper.js';
import { addDevice } from './addDevice.js';
import type { DeviceInfo, DeviceSpaceResult } from './DeviceInfo.js';
import { linkProfileOf, type LinkProfile } from './LinkProfile.js';
import { listDevices } from './listDevices.js';
import { removeDevice } from './removeDevice.js';

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

  list(): Promise<DeviceInfo[]> {
    return listDevices(this.core);
  }

  addDevice(devicePublicKey: Uint8Array, name: string): Promise<DeviceSpaceResult[]> {
    return addDevice(this.core, devicePublicKey, name);
  }

  remove(deviceId: string): Promise<DeviceSpaceResult[]> {
    return removeDevice(this.core, deviceId);
  }

  exportProfile(): LinkProfile {
    return linkProfileOf(this.profile.current, this.core.myId);
  }
}
