import { generateIdentity } from '@trame/sync';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { LocalProfile } from '../../local/LocalProfile.js';
import type { ClientCore } from '../ClientCore.js';
import { addDevice } from './addDevice.js';
import { certifyForLink } from './certifyForLink.js';
import { DeviceError } from './DeviceError.js';
import { linkProfileOf, profileFromLink } from './LinkProfile.js';

/**
 * ADR 0008 point 5: the device that holds the person key (a first device, or a browser just
 * restored with the phrase) makes a device key of its own, links it in every joined space
 * (DEVICE_ADD signed by the person key, R94), and returns the profile to continue with: that
 * device key, acting for the person. Once the caller saves it and the person backup holds the
 * person key, no device keeps the person key: a seized device can be removed like any other
 * (R95), by another device or by the person restored from the phrase. Nothing changes unless
 * every space took the new key (`DEVICE_SPACES_INCOMPLETE`, with the per-space results as
 * `cause`; calling again finishes). `DEVICE_NOT_PERSON_KEY` on a device that is one already.
 */
export async function becomeOwnDevice<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  profile: LocalProfile,
  deviceName: string,
  now: number,
): Promise<LocalProfile> {
  if (profile.personId !== undefined && profile.personId !== core.myId) throw new DeviceError('DEVICE_NOT_PERSON_KEY');
  const device = generateIdentity();
  const results = await addDevice(core, device.publicKey, deviceName);
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    throw new DeviceError('DEVICE_SPACES_INCOMPLETE', `${failed.length} spaces not done`, { cause: failed });
  }
  const next = profileFromLink(linkProfileOf(profile, core.myId), { secretKey: device.secretKey, deviceName, now });
  // R120 (ADR 0010): signed by the person key while this device still holds it, so the new key
  // creates spaces and accepts invites as the person.
  const chain = certifyForLink(core, null, device.publicKey);
  return chain ? { ...next, deviceChain: chain } : next;
}
