import { fromHex, LinkSide } from '@trame/protocol';
import { pairDevices, PairingError } from '@trame/sync/pairing';
import type { LinkedProfile } from './LinkMessages.js';
import type { StoredChainLink } from '../local/LocalProfile.js';
import type { LinkOptions } from './LinkOptions.js';
import { readDeviceOffer } from './readDeviceOffer.js';
import { untilConfirmed } from './untilConfirmed.js';

/** Adds a device key to every space of the person: `client.devices` (ADR 0008, R94). */
export interface DeviceAdder {
  /** Per-space results: DEVICE_ADD appended (`ok`) or not (offline, refused). */
  addDevice(devicePublicKey: Uint8Array, name: string): Promise<Array<{ spaceId: string; ok: boolean }>>;
  /**
   * R120 (ADR 0010): the chain certifying the new device as the person's (`client.devices.certify`),
   * or null when this device cannot certify.
   */
  certify?(devicePublicKey: Uint8Array): Promise<StoredChainLink[] | null>;
}

/** What the new device receives: `client.devices.exportProfile()` (no secret). */
export type LinkSource = Omit<LinkedProfile, 't'>;

/** Options of {@link linkFromAccount}. */
export interface LinkFromAccountOptions extends LinkOptions {
  /** What the new device receives (person, name, colour, language, spaces with pins; no secret). */
  profile: LinkSource;
  /**
   * Appends DEVICE_ADD for the new device's key in every space before the profile leaves. Null
   * only in tests of the channel itself (the new device would then not be admitted).
   */
  devices: DeviceAdder | null;
  /** Progress after the person confirmed: waiting for the other device, adding it, sending. */
  onStep?(step: 'waiting' | 'adding' | 'sending'): void;
}

/** What the account device did. */
export interface LinkedDevice {
  /** Hex public key of the new device. */
  deviceKey: string;
  name: string;
  /** Whether its key was added to the spaces (DEVICE_ADD), false without `devices`. */
  added: boolean;
  /** Spaces where DEVICE_ADD could not be appended (offline, refused): not sent to the new device. */
  missing: string[];
}

/**
 * DEVICES-1 on the device that holds the account (Réglages → "Lier un autre appareil"):
 * pairs (R104), shows the comparison code, and only once the person confirmed it waits for the
 * new device's key (sent once the other person confirmed too), adds it to every space, then
 * sends the profile: person key, name, colour, language and the spaces with their pins.
 */
export async function linkFromAccount(o: LinkFromAccountOptions): Promise<LinkedDevice> {
  const channel = await pairDevices({
    url: o.url,
    ...(o.WebSocketImpl ? { WebSocketImpl: o.WebSocketImpl } : {}),
    side: LinkSide.HasAccount,
    join: o.join,
    ...(o.onCode ? { onCode: o.onCode } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
  o.onComparison(channel.comparison);
  await untilConfirmed(channel, o.confirmed, o.signal);
  o.onStep?.('waiting');
  const offer = readDeviceOffer(await channel.receive());
  let added = false;
  let missing: string[] = [];
  if (o.devices) {
    o.onStep?.('adding');
    try {
      const results = await o.devices.addDevice(fromHex(offer.key), offer.name);
      missing = results.filter((r) => !r.ok).map((r) => r.spaceId);
      if (results.length > 0 && missing.length === results.length) throw new Error('no space took the device');
      added = true;
    } catch (cause) {
      const e = new PairingError('PAIRING_ADD_FAILED', 'the new device could not be added', { cause });
      channel.close(e);
      throw e;
    }
  }
  o.onStep?.('sending');
  const p = o.profile;
  const linked: LinkedProfile = {
    t: 'linked',
    personId: p.personId,
    displayName: p.displayName,
    colour: p.colour,
    locale: p.locale,
    // Only spaces that admit the new device: the others would refuse it (NOT_A_MEMBER).
    spaces: p.spaces.filter((s) => !missing.includes(s.id)),
  };
  // R120: so that the new device creates spaces and accepts invites as the person.
  const chain = (await o.devices?.certify?.(fromHex(offer.key))) ?? null;
  if (chain) linked.chain = chain;
  channel.send(linked);
  const done = (await channel.receive()) as { t?: unknown } | null;
  channel.close(new PairingError('PAIRING_CANCELLED', 'done'));
  if (done?.t !== 'done') throw new PairingError('PAIRING_UNEXPECTED', 'the new device did not confirm');
  return { deviceKey: offer.key, name: offer.name, added, missing };
}
