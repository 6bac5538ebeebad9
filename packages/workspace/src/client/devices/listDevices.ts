import { readDeviceRecords } from '../../space/readDeviceRecords.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import type { DeviceInfo } from './DeviceInfo.js';

/**
 * DEVICES-2: this person's devices, from the verified logs of every space this device has
 * joined (opened if needed; a space that does not open is skipped) (R97: which device keys belong to the person) and the device records of their indexes
 * (names, last seen, written by each device itself). The person key is listed first when a
 * device holds it (the first device), then the linked devices by name; this device is marked.
 */
export async function listDevices<S extends SpaceSessionLike>(core: ClientCore<S>): Promise<DeviceInfo[]> {
  const person = core.personId;
  const byId = new Map<string, DeviceInfo>();
  const entry = (id: string): DeviceInfo => {
    let d = byId.get(id);
    if (!d) {
      d = { id, name: '', lastSeen: 0, isThisDevice: id === core.myId, isPersonKey: id === person, spaces: [] };
      byId.set(id, d);
    }
    return d;
  };
  for (const joined of core.joinedSpaces()) {
    const s = await core.openSpace(joined.id).catch(() => null);
    if (!s) continue;
    // Names and last seen are in the index: read it once it holds the relay's state (bounded).
    await s.index.whenLoaded();
    await core.settleSynced(s.index);
    // Only keys the verified log gives this person (a record alone proves nothing).
    if (s.session.personOf(core.myId) !== person) continue;
    const linked = s.session.devicesOf(person);
    for (const id of linked) entry(id).spaces.push(s.id);
    entry(person).spaces.push(s.id);
    for (const r of readDeviceRecords(s.index.doc).values()) {
      if (r.person !== person || (r.id !== person && !linked.includes(r.id))) continue;
      const d = entry(r.id);
      if (r.name && !d.name) d.name = r.name;
      d.lastSeen = Math.max(d.lastSeen, r.lastSeen);
    }
  }
  const me = entry(core.myId);
  if (!me.name) me.name = core.deviceName;
  return [...byId.values()]
    .filter((d) => d.spaces.length > 0 || d.isThisDevice)
    .sort((a, b) => Number(b.isPersonKey) - Number(a.isPersonKey) || a.name.localeCompare(b.name, 'fr'));
}
