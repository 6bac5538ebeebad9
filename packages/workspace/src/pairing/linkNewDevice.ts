import { LinkSide, toHex } from '@trame/protocol';
import { generateIdentity } from '@trame/sync';
import { pairDevices } from '@trame/sync/pairing';
import type { LocalProfile } from '../local/LocalProfile.js';
import type { LinkOptions } from './LinkOptions.js';
import { readLinkedProfile } from './readLinkedProfile.js';
import { untilConfirmed } from './untilConfirmed.js';

/**
 * The profile a linked device keeps: its own device key, the person it acts for and its name
 * (ADR 0008; devcore's `profileFromLink` builds the same).
 */
export type LinkedLocalProfile = LocalProfile & { personId: string; deviceName: string };

/** Options of {@link linkNewDevice}. */
export interface LinkNewDeviceOptions extends LinkOptions {
  /** Shown in the person's device list ("Ordinateur Linux"). */
  deviceName: string;
  /** Stores the profile (device storage) before the account device is told the link is done. */
  adopt(profile: LinkedLocalProfile): Promise<void>;
  /** After the person confirmed: waiting for the account device's profile. */
  onStep?(step: 'waiting'): void;
  now?: () => number;
}

/**
 * DEVICES-1 on the new device (first screen → "J'ai déjà un compte sur un autre appareil"):
 * makes this device's own key (its secret never leaves), pairs (R104), and only once the
 * person confirmed the comparison code sends its public key and name; then receives the
 * person's profile and spaces with their pins, and adopts them. The person key's secret is not
 * sent (ADR 0008, point 4).
 */
export async function linkNewDevice(o: LinkNewDeviceOptions): Promise<LinkedLocalProfile> {
  const device = generateIdentity();
  const channel = await pairDevices({
    url: o.url,
    ...(o.WebSocketImpl ? { WebSocketImpl: o.WebSocketImpl } : {}),
    side: LinkSide.NewDevice,
    join: o.join,
    ...(o.onCode ? { onCode: o.onCode } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
  o.onComparison(channel.comparison);
  await untilConfirmed(channel, o.confirmed, o.signal);
  channel.send({ t: 'device', key: toHex(device.publicKey), name: o.deviceName.trim().slice(0, 80) });
  o.onStep?.('waiting');
  const linked = readLinkedProfile(await channel.receive(), { deviceKey: toHex(device.publicKey) });
  const profile: LinkedLocalProfile = {
    version: 1,
    secretKey: device.secretKey,
    personId: linked.personId,
    deviceName: o.deviceName.slice(0, 80),
    displayName: linked.displayName,
    colour: linked.colour,
    locale: linked.locale,
    spaces: linked.spaces,
    ...(linked.chain ? { deviceChain: linked.chain } : {}),
    createdAt: (o.now ?? Date.now)(),
  };
  await o.adopt(profile);
  channel.send({ t: 'done' });
  // The account device closes once it has read this; closing here too could cut it first.
  return profile;
}
