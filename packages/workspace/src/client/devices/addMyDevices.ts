import { fromHex } from '@trame/protocol';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';

/**
 * R125 (ADR 0010): after this device created or joined a space, adds the person's other devices
 * to it (DEVICE_ADD, R94: every space key sealed to each), so that every device of hers opens it.
 * Which devices: those that the verified logs of this device's other spaces agree on, i.e. a
 * current linked device of the person in *every* other space this device opens: a device removed
 * from any of them (DEVICES-2) is not added back, and the relay, which cannot forge entries,
 * cannot add one. The person key needs no entry: it made the space or was sealed to (R122, R123).
 * Best effort: a device that fails is left for `client.devices.addDevice` to retry. Returns the
 * devices added.
 */
export async function addMyDevices<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  spaceId: string,
): Promise<string[]> {
  const person = core.personId;
  const others = core.joinedSpaces().filter((s) => s.id !== spaceId);
  const views = await Promise.all(others.map((s) => core.openSpace(s.id).catch(() => null)));
  let agreed: Set<string> | null = null;
  for (const v of views) {
    // Only logs where this device is verified as the person's have a say.
    if (!v || v.session.personOf(core.myId) !== person) continue;
    const here = new Set(v.session.devicesOf(person));
    const before: Set<string> | null = agreed;
    agreed = before === null ? here : new Set([...before].filter((d: string) => here.has(d)));
  }
  if (agreed === null) return [];
  const target = await core.openSpace(spaceId);
  const present = new Set(target.session.devicesOf(person));
  const added: string[] = [];
  for (const device of agreed) {
    if (device === core.myId || device === person || present.has(device)) continue;
    try {
      await target.session.addDevice(fromHex(device));
      added.push(device);
    } catch {
      /* offline or refused: "Lier" again from Réglages retries (addDevice skips linked ones) */
    }
  }
  return added;
}
