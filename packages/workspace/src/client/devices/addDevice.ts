import { isStrictPublicKey, toHex } from '@trame/protocol';
import { setDeviceRecord } from '../../space/setDeviceRecord.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import { DeviceError } from './DeviceError.js';
import type { DeviceSpaceResult } from './DeviceInfo.js';

/**
 * DEVICES-1 (R94): links a new device of this person to every space this device has joined: a
 * DEVICE_ADD in each space's log with every space key sealed to the device key, and the
 * device's name in each index this person may write. Spaces that fail (offline, refused) are
 * reported, the others done; calling again retries them (a device already linked is skipped).
 * Throws DeviceError DEVICE_KEY_INVALID for a key that is not a strict Ed25519 key (R36).
 */
export async function addDevice<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  devicePublicKey: Uint8Array,
  name: string,
): Promise<DeviceSpaceResult[]> {
  if (!isStrictPublicKey(devicePublicKey)) throw new DeviceError('DEVICE_KEY_INVALID', 'not an Ed25519 public key');
  const device = toHex(devicePublicKey);
  if (device === core.myId || device === core.personId) throw new DeviceError('DEVICE_IS_THIS_ONE');
  const results: DeviceSpaceResult[] = [];
  for (const joined of core.joinedSpaces()) {
    try {
      const space = await core.openSpace(joined.id);
      await space.session.addDevice(devicePublicKey);
      if (
        space.index.canWrite &&
        setDeviceRecord(space.index.doc, { id: device, person: core.personId, name: name.trim() })
      ) {
        // The name reaches the relay (or the device cache, offline) before the screen moves on.
        await core.settle(space.index);
      }
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
