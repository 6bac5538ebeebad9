import { fromHex } from '@trame/protocol';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import { DeviceError } from './DeviceError.js';
import type { DeviceSpaceResult } from './DeviceInfo.js';

/**
 * DEVICES-2 (R95, R96): "Retirer cet appareil". In every space this device has joined where the
 * verified log lists `deviceId` as a device of this person: DEVICE_REMOVE, then a ROTATE sealed
 * to every key holder left. The relay closes the device's connections and refuses its AUTH (R33,
 * R98); what is written afterwards is under keys it never receives. Refuses this device itself
 * (DEVICE_IS_THIS_ONE: "Oublier cet appareil" is the way) and the person key
 * (DEVICE_IS_PERSON_KEY, ADR 0008 point 5). Spaces that fail are reported; calling again
 * finishes them (a removed device is skipped, an owed ROTATE is still made).
 */
export async function removeDevice<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  deviceId: string,
): Promise<DeviceSpaceResult[]> {
  if (deviceId === core.myId) throw new DeviceError('DEVICE_IS_THIS_ONE');
  if (deviceId === core.personId) throw new DeviceError('DEVICE_IS_PERSON_KEY');
  const results: DeviceSpaceResult[] = [];
  for (const joined of core.joinedSpaces()) {
    try {
      const space = await core.openSpace(joined.id);
      await space.session.removeDevice(fromHex(deviceId));
      results.push({ spaceId: joined.id, ok: true });
    } catch (error) {
      results.push({
        spaceId: joined.id,
        ok: false,
        error: new DeviceError('DEVICE_SPACES_INCOMPLETE', `space ${joined.id} not done`, { cause: error }),
      });
    }
  }
  return results;
}
